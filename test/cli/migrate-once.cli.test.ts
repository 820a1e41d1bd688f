// Issue 8's "Done when", through the CLI on the simulator: a batch that the service removed on its own
// after every mailbox migrated is finished, not re-created; a mailbox whose mail user directory sync never
// created fails as the service fails it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState, toLiveState } from '../../src/backends/simulator/index.js';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';

/** The example with StagedBatch1 only. */
function firstWaveOnly(): string {
  const cwd = copyExample();
  const yaml = join(cwd, PLAN);
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/\n {2}# Wave 2[\s\S]*$/, '\n'));
  return cwd;
}

describe('a mailbox is migrated once (built CLI, simulator)', () => {
  it('a batch removed by the service after its cleanup period is finished, not re-created', async () => {
    const cwd = firstWaveOnly();
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd })).exitCode).toBe(0);
    // Synced, then idle: stopped after 60 days, deleted 90 days later (facts §6.5).
    for (const d of ['1d', '60d', '91d']) expect((await runCli(['simulator', 'advance', PLAN, d], { cwd })).exitCode).toBe(0);
    const live = toLiveState(await loadState(join(cwd, '.stagemig', 'simulator.json')));
    expect(live.batches.map((b) => b.name)).not.toContain('StagedBatch1');
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd });
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(plan.stdout).toContain('# batch.StagedBatch1 is finished');
    expect(plan.stdout).toMatch(/Finished: all \d+ mailboxes of this batch are migrated and the service has removed the batch/);
    expect(plan.stdout).not.toContain('New-MigrationBatch');
  });

  it('a missing mail user fails as the service fails it', async () => {
    const cwd = firstWaveOnly();
    writeFileSync(join(cwd, 'scenario.yaml'), 'version: 1\nrecipients:\n  annb@contoso.com: missing\n');
    expect((await runCli(['simulator', 'faults', PLAN, 'scenario.yaml'], { cwd })).exitCode).toBe(0);
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd })).exitCode).toBe(0);
    expect((await runCli(['simulator', 'advance', PLAN, '1h'], { cwd })).exitCode).toBe(0);
    const live = toLiveState(await loadState(join(cwd, '.stagemig', 'simulator.json')));
    const annb = live.users.find((u) => u.email === 'annb@contoso.com')!;
    expect(annb.status).toBe('Failed');
    expect(annb.errorSummary).toMatch(/recipient/i);
    const status = await runCli(['status', PLAN], { cwd });
    expect(status.stdout).toContain('annb@contoso.com');
    expect(status.stdout).toContain(annb.errorSummary!.slice(0, 40));
  });
});
