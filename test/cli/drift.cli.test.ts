import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setSimulatorFault } from '../../src/backends/simulator/index.js';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { outOfBand } from '../helpers/out-of-band.js';

const PLAN = 'stagemig.yaml';
const DRIFT = 'Changes outside stagemig (drift), compared with what stagemig last applied:';
const OWN = 'stagemig will perform the following actions:';
const stateFile = (dir: string) => join(dir, '.stagemig', 'simulator.json');
const cmdletLines = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.replace(/^\s+\d+\. /, '').replace(/\s+#.*$/, ''));

let applied: string;
/** A private copy of the applied, synced example (service state and last-applied snapshot included). */
function copyApplied(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-drift-'));
  cpSync(applied, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  applied = copyExample();
  expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: applied })).exitCode).toBe(0);
  expect((await runCli(['simulator', 'advance', PLAN, '6h'], { cwd: applied })).exitCode).toBe(0);
}, 60_000);

describe('drift: changes made outside stagemig after an apply', () => {
  it('none right after apply', async () => {
    const dir = copyApplied();
    expect(readFileSync(join(dir, '.stagemig', 'stagemig.applied.json'), 'utf8')).toContain('"format":"stagemig-applied"');
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir });
    expect([plan.exitCode, plan.stdout]).toEqual([0, 'No changes. The migration service matches the plan.\n']);
    const refresh = await runCli(['plan', PLAN, '--refresh-only', '--detailed-exitcode'], { cwd: dir });
    expect([refresh.exitCode, refresh.stdout]).toEqual([0, 'No changes outside stagemig: the migration service matches what stagemig last applied.\n']);
  });

  it('a batch stopped in the admin center', async () => {
    const dir = copyApplied();
    await outOfBand(stateFile(dir), ['Stop-MigrationBatch', { Identity: 'StagedBatch1' }], ['advance', { minutes: 10 }]);
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir });
    expect(plan.exitCode).toBe(2);
    expect(plan.stdout).toContain(`${DRIFT}\n\n  batch.StagedBatch1\n    ~ is Stopped; stagemig left it started\n`);
    expect(plan.stdout).toContain('To undo the drift (the YAML did not change), stagemig will:\n\n  # batch.StagedBatch1 will be updated and started (now Stopped)');
    expect(plan.stdout).not.toContain(OWN);
    expect(cmdletLines(plan.stdout)).toEqual(["Start-MigrationBatch -Identity 'StagedBatch1'"]);
    const json = JSON.parse((await runCli(['plan', PLAN, '--format', 'json'], { cwd: dir })).stdout) as { drift: Array<Record<string, unknown>> };
    expect(json.drift).toEqual([{ address: 'batch.StagedBatch1', kind: 'status', summary: 'is Stopped; stagemig left it started', expected: 'started', actual: 'Stopped' }]);
    const refresh = await runCli(['plan', PLAN, '--refresh-only', '--detailed-exitcode'], { cwd: dir });
    expect(refresh.exitCode).toBe(2);
    expect(refresh.stdout).toContain('~ is Stopped; stagemig left it started');
    expect(refresh.stdout).not.toContain('Cmdlets, in order');
  });

  it('a mailbox removed from a batch by hand', async () => {
    const dir = copyApplied();
    await outOfBand(stateFile(dir), ['Remove-MigrationUser', { Identity: 'annb@contoso.com' }], ['advance', { minutes: 10 }]);
    const plan = await runCli(['plan', PLAN], { cwd: dir });
    expect(plan.stdout).toContain('  batch.StagedBatch1\n    - 1 mailbox removed from the batch outside stagemig\n        annb@contoso.com\n');
    expect(plan.stdout).not.toContain(OWN);
    // annb was Synced: its cloud mailbox exists, so it is never submitted again (issue 8); the plan says why.
    expect(plan.stdout).toContain('note: 1 mailbox of this CSV was migrated before and its migration record is gone (the cloud mailbox stays): nothing is sent for it, and nothing waits.');
    expect(plan.stdout).toContain('Nothing to run: the notes above only inform.');
    expect(cmdletLines(plan.stdout)).toEqual([]);
  });

  it('an endpoint setting changed by hand', async () => {
    const dir = copyApplied();
    await outOfBand(stateFile(dir), ['Set-MigrationEndpoint', { Identity: 'StagedEndpoint', MaxConcurrentMigrations: 40 }]);
    const plan = await runCli(['plan', PLAN], { cwd: dir });
    expect(plan.stdout).toContain('  endpoint.StagedEndpoint\n    ~ maxConcurrentMigrations was changed outside stagemig: 20 -> 40\n');
    expect(plan.stdout).not.toContain(OWN);
    expect(cmdletLines(plan.stdout)).toEqual(["Set-MigrationEndpoint -Identity 'StagedEndpoint' -MaxConcurrentMigrations 20"]);
  });

  it('a batch deleted by hand; apply restores it and the drift is gone', async () => {
    const dir = copyApplied();
    await outOfBand(stateFile(dir), ['Remove-MigrationBatch', { Identity: 'StagedBatch3' }], ['advance', { minutes: 30 }]);
    const plan = await runCli(['plan', PLAN], { cwd: dir });
    expect(plan.stdout).toContain('  batch.StagedBatch3\n    - was removed outside stagemig\n');
    expect(plan.stdout).not.toContain(OWN);
    expect(cmdletLines(plan.stdout)).toEqual([expect.stringMatching(/^New-MigrationBatch -Name 'StagedBatch3' /)]);
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    const after = await runCli(['plan', PLAN, '--refresh-only', '--detailed-exitcode'], { cwd: dir });
    expect(after.exitCode).toBe(0);
  });

  it('a YAML edit is a YAML change, not drift', async () => {
    const dir = copyApplied();
    const yaml = readFileSync(join(dir, PLAN), 'utf8').replace('maxConcurrentMigrations: 20', 'maxConcurrentMigrations: 25');
    writeFileSync(join(dir, PLAN), yaml);
    const plan = await runCli(['plan', PLAN], { cwd: dir });
    expect(plan.stdout).not.toContain(DRIFT);
    expect(plan.stdout).toContain(`${OWN}\n\n  # endpoint.StagedEndpoint will be updated in place`);
    expect(plan.stdout).toContain('~ maxConcurrentMigrations = 20 -> 25');
    const refresh = await runCli(['plan', PLAN, '--refresh-only', '--detailed-exitcode'], { cwd: dir });
    expect(refresh.exitCode).toBe(0);
  });

  it('an apply that fails part-way records only the steps that ran', async () => {
    const dir = copyApplied();
    await outOfBand(stateFile(dir),
      ['Set-MigrationEndpoint', { Identity: 'StagedEndpoint', MaxConcurrentMigrations: 40 }],
      ['Stop-MigrationBatch', { Identity: 'StagedBatch1' }], ['advance', { minutes: 10 }]);
    await setSimulatorFault(stateFile(dir), { failOnWriteCall: 2, message: 'Injected fault.' });
    const failed = await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir });
    expect(failed.stdout).toContain('Apply failed at step 2 of 2');
    const plan = await runCli(['plan', PLAN], { cwd: dir });
    expect(plan.stdout).toContain(`${DRIFT}\n\n  batch.StagedBatch1\n    ~ is Stopped; stagemig left it started\n\n`);
    expect(plan.stdout).not.toContain('endpoint.StagedEndpoint');
  });

  it('without a last-applied snapshot, says drift cannot be told apart and shows a plan change', async () => {
    const dir = copyApplied();
    rmSync(join(dir, '.stagemig', 'stagemig.applied.json'));
    await outOfBand(stateFile(dir), ['Stop-MigrationBatch', { Identity: 'StagedBatch1' }], ['advance', { minutes: 10 }]);
    const plan = await runCli(['plan', PLAN], { cwd: dir });
    expect(plan.stdout).toMatch(/^Note: there is no record of an earlier `stagemig apply` of this plan/);
    expect(plan.stdout).toContain(`${OWN}\n\n  # batch.StagedBatch1 will be updated and started`);
    const refresh = await runCli(['plan', PLAN, '--refresh-only', '--detailed-exitcode'], { cwd: dir });
    // The service differs from the YAML and nothing tells whose change it is: pending, said loudly.
    expect(refresh.exitCode).toBe(2);
    expect(refresh.stdout).toMatch(/^Warning: drift cannot be told apart: there is no record/);
    expect(refresh.stdout).toContain('differs from the YAML for 1 resource: batch.StagedBatch1.');
  });
});
