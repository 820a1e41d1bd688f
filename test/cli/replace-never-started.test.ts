// Issue 8's "Done when": adding rows to a never-started batch converges in ONE apply. The batch is replaced
// (removed, then created with the whole CSV): apply waits, on the simulated clock, for the asynchronous
// removal to finish and then creates the batch again, reporting the wait.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState, toLiveState } from '../../src/backends/simulator/index.js';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';

describe('a never-started batch whose rows change', () => {
  it('converges in one apply: removed, waited for, created again with the whole CSV', async () => {
    const cwd = copyExample();
    const first = await runCli(['apply', PLAN, '--auto-approve'], { cwd });
    expect(first.exitCode, first.stderr).toBe(0);
    appendFileSync(join(cwd, 'batches', 'wave3-finance.csv'), 'late.joiner@contoso.com\r\n');

    const plan = await runCli(['plan', PLAN], { cwd });
    expect(plan.stdout).toContain('batch.StagedBatch3 must be replaced');
    expect(plan.stdout).toContain('apply waits for the removal to finish (a few minutes), then runs New-MigrationBatch.');

    const apply = await runCli(['apply', PLAN, '--auto-approve'], { cwd });
    expect(apply.exitCode, apply.stderr).toBe(0);
    const out = apply.stdout;
    expect(out).toMatch(/Remove-MigrationBatch[^\n]*StagedBatch3/);
    expect(out).toMatch(/Waiting for the removal of batch\.StagedBatch3 to finish before creating it again \(\d+ min so far\)/);
    expect(out.lastIndexOf('Remove-MigrationBatch')).toBeLessThan(out.lastIndexOf('Waiting for the removal'));
    expect(out.lastIndexOf('Waiting for the removal')).toBeLessThan(out.lastIndexOf('New-MigrationBatch'));
    expect(out).toContain('Apply complete! 2 cmdlets run.');
    expect(out).not.toContain('Some changes wait');

    const again = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd });
    expect(again.exitCode, again.stdout).toBe(0);
    const live = toLiveState(await loadState(join(cwd, '.stagemig', 'simulator.json')));
    const rows = readFileSync(join(cwd, 'batches', 'wave3-finance.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    expect(live.batches.find((b) => b.name === 'StagedBatch3')).toMatchObject({ status: 'Created', totalCount: rows.length });
    expect(live.users.filter((u) => u.batch === 'StagedBatch3').map((u) => u.email).sort()).toEqual(rows.sort());
  });
});
