// `stagemig simulator faults` through the built CLI: each declared fault, as an admin would meet it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';

async function withScenario(scenario: string, file = 'faults.yaml') {
  const dir = copyExample();
  writeFileSync(join(dir, file), scenario);
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: '2026-12-01T07:00:00Z' } });
  const set = await cli('simulator', 'faults', PLAN, file);
  expect(set.stderr).toBe('');
  expect(set.exitCode).toBe(0);
  return { dir, cli, set };
}

describe('stagemig simulator faults', () => {
  it('refuses an invalid scenario file with positioned errors and changes nothing', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'bad.yaml'), 'failMailboxes:\n  annb@contoso.com: lostInTransit\nthrottle: soon\n');
    const r = await runCli(['simulator', 'faults', PLAN, 'bad.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    // The shape first (schemas/simulator-scenario.schema.json), then what the values mean.
    expect(r.stderr).toContain('bad.yaml:3:11: error: throttle must be integer or object');
    writeFileSync(join(dir, 'bad.yaml'), 'failMailboxes:\n  annb@contoso.com: lostInTransit\nthrottle: 2\n');
    const again = await runCli(['simulator', 'faults', PLAN, 'bad.yaml'], { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('bad.yaml:2:21: error: Unknown failure kind "lostInTransit" for annb@contoso.com');
    expect(again.stderr).toContain('hint: Failure kinds: recipientNotFound, invalidPassword');
    expect((await runCli(['simulator', 'faults', PLAN], { cwd: dir })).stdout).toBe('No faults: the simulated service behaves normally.\n');
  });

  it('lists the faults in force and clears them', async () => {
    const { cli } = await withScenario('{"endpoint": "unreachable", "corruptBatches": {"StagedBatch2": "1h"}}', 'faults.json');
    expect((await cli('simulator', 'faults', PLAN)).stdout).toBe([
      'Faults in force:',
      '  endpoint verification fails: unreachable',
      '  batch stagedbatch2 turns Corrupted 60 min after it starts syncing',
    ].join('\n') + '\n');
    expect((await cli('simulator', 'faults', PLAN, '--clear')).stdout).toContain('Cleared every fault');
    expect((await cli('apply', PLAN, '--auto-approve')).exitCode).toBe(0);
  });

  it('an unreachable source fails New-MigrationEndpoint with the service text', async () => {
    const { cli } = await withScenario('endpoint: unreachable\n');
    const r = await cli('apply', PLAN, '--auto-approve');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("Apply failed at step 1 of 4: We weren't able to connect to the remote server.");
  });

  it('wrong credentials fail New-MigrationEndpoint with the service text', async () => {
    const { cli } = await withScenario('endpoint: wrongCredentials\n');
    const r = await cli('apply', PLAN, '--auto-approve');
    expect(r.stdout).toContain("Apply failed at step 1 of 4: We can't connect to your Exchange server in the on-premises domain with the credentials you provided.");
  });

  it('throttling fails the Nth call; a second apply converges', async () => {
    const { cli } = await withScenario('throttle: 3\n');
    const r = await cli('apply', PLAN, '--auto-approve');
    expect(r.stdout).toContain('Apply failed at step 3 of 4: You have reached the maximum number of concurrent requests per tenant. Please wait and try again.');
    expect((await cli('apply', PLAN, '--auto-approve')).exitCode).toBe(0);
  });

  it('a failing mailbox without retryFailed makes apply --wait exit 1, listing it', async () => {
    const { cli } = await withScenario('failMailboxes:\n  annb@contoso.com: recipientNotFound\n');
    const r = await cli('apply', PLAN, '--auto-approve', '--wait');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('but 1 mailbox failed (retryFailed could not fix them, or is not set):');
    expect(r.stdout).toContain('annb@contoso.com (StagedBatch1): MigrationRecipientNotFoundException: A recipient wasn\'t found for "annb@contoso.com" on the target.');
  });

  it('a batch that turns Corrupted stops apply --wait with exit 1', async () => {
    const { cli } = await withScenario('corruptBatches: {StagedBatch2: 5m}\n');
    const r = await cli('apply', PLAN, '--auto-approve', '--wait');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('batch.StagedBatch2 is Corrupted: the service only allows removing a Corrupted batch.');
    expect((await cli('status', PLAN)).stdout).toMatch(/StagedBatch2 +Corrupted/);
  });

  it('a cutover batch left in the tenant makes the service refuse staged batches', async () => {
    const { cli } = await withScenario('cutoverBatch: LegacyCutover\n');
    const r = await cli('apply', PLAN, '--auto-approve');
    expect(r.stdout).toContain('Apply failed at step 2 of 4: You can only have cutover or staged batches existing at any given time.');
    expect((await cli('plan', PLAN)).stdout).toContain('batch.LegacyCutover (Synced, 0 mailboxes)');
  });

  it('times out apply --wait, naming what it waits for', async () => {
    const dir = copyExample();
    const yaml = join(dir, PLAN);
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('csv: batches/wave1-it-pilot.csv\n    state: started', 'csv: batches/wave1-it-pilot.csv\n    startAfter: 2026-12-05T08:00:00Z'));
    const r = await runCli(['apply', PLAN, '--auto-approve', '--wait', '--timeout', '1d'], { cwd: dir, env: { STAGEMIG_NOW: '2026-12-01T07:00:00Z' } });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/Timed out after 1d of simulated time; still waiting for: batch\.StagedBatch1 \(Waiting, 0\/10 synced, 0 failed\)/);
  });

  it('a step that fails under apply --wait ends in the report of the steps that ran and did not run, exit 1, as plain apply', async () => {
    const dir = copyExample();
    const cli = (...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: '2026-12-01T07:00:00Z' } });
    expect((await cli('apply', PLAN, '--auto-approve')).exitCode).toBe(0);
    // Remove StagedBatch1 and StagedBatch2: each is stopped now, removed under --wait once Stopped (write calls 3 and 4).
    const yaml = join(dir, PLAN);
    writeFileSync(yaml, readFileSync(yaml, 'utf8')
      .replace('csv: batches/wave1-it-pilot.csv\n    state: started', 'csv: batches/wave1-it-pilot.csv\n    state: removed')
      .replace('csv: batches/wave2-sales.csv\n', 'csv: batches/wave2-sales.csv\n    state: removed\n'));
    writeFileSync(join(dir, 'faults.yaml'), 'throttle: 4\n');
    expect((await cli('simulator', 'faults', PLAN, 'faults.yaml')).exitCode).toBe(0);
    const r = await cli('apply', PLAN, '--auto-approve', '--allow-remove', '--wait');
    expect(r.stdout).toContain('The service is ready for 2 more steps:');
    expect(r.stdout).toContain('Apply failed at step 2 of 2: You have reached the maximum number of concurrent requests per tenant.');
    expect(r.stdout).toMatch(/Steps that ran:\n {4}1\. Remove-MigrationBatch \(batch\.StagedBatch1\)\n/);
    expect(r.stdout).toMatch(/Step that failed \(the service made no change for it\):\n {4}2\. Remove-MigrationBatch \(batch\.StagedBatch2\)\n/);
    expect(r.stdout).toContain('Stopped waiting: the steps above did not all run (see the report above).');
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    // The next plan describes the service truthfully: only StagedBatch2 is left to remove.
    const plan = await cli('plan', PLAN, '--allow-remove');
    expect(plan.stdout).toContain('Remove-MigrationBatch -Identity \'StagedBatch2\'');
    expect(plan.stdout).not.toContain('Remove-MigrationBatch -Identity \'StagedBatch1\'');
  });
});
