// The last-applied record becoming unwritable during `apply --wait` (record-unwritable.cli.test.ts covers
// plain apply). Whenever it happens (during the first steps, before the steps the wait had to wait for,
// or after the first of those), the run ends with the report of the steps that ran and those that did
// not, stops waiting, exits 1, never "internal error"; once the record is writable again the next plan
// describes the service as it is. The record path is made a directory (chmod does not stop root) at a
// moment the output marks, in process.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
const env = { STAGEMIG_NOW: '2026-12-01T07:00:00Z' };
const RECORD = join('.stagemig', 'stagemig.applied.json');
const UNWRITABLE = 'The last-applied record .stagemig/stagemig.applied.json cannot be written (EISDIR)';

/**
 * apply --wait that makes the record unwritable once stdout shows `marker` (the run then goes on); afterwards
 * the record is put back as it was then (the admin fixing the folder), so the next plan reads it.
 */
async function applyWaitBreakingAt(cwd: string, marker: RegExp) {
  const path = join(cwd, RECORD);
  let kept: string | undefined;
  let broken = false;
  const r = await runCli(['apply', PLAN, '--auto-approve', '--wait'], {
    cwd, env,
    onStdout: (soFar) => {
      if (broken || !marker.test(soFar)) return;
      broken = true;
      kept = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      rmSync(path, { force: true });
      mkdirSync(path);
    },
  });
  expect(broken, r.stdout).toBe(true);
  rmSync(path, { recursive: true });
  if (kept !== undefined) writeFileSync(path, kept);
  return r;
}

/** The example applied (batches syncing), then a mailbox added to wave 1: --wait adds it once the batch is Synced. */
async function waitingForAddition(): Promise<string> {
  const cwd = copyExample();
  expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd, env })).exitCode).toBe(0);
  const csv = join(cwd, 'batches', 'wave1-it-pilot.csv');
  writeFileSync(csv, `${readFileSync(csv, 'utf8')}new.hire@contoso.com\r\n`);
  return cwd;
}

describe('an unwritable last-applied record during apply --wait', () => {
  it('after step 1 of the first steps: the report, no waiting, exit 1, and the next plan has the rest', async () => {
    const cwd = copyExample();
    const r = await applyWaitBreakingAt(cwd, /\[1\/4\]/);
    expect(r.stdout).toContain(`Apply stopped after step 1 of 4: ${UNWRITABLE}`);
    expect(r.stdout).toMatch(/Steps that ran:\n {4}1\. New-MigrationEndpoint \(endpoint\.StagedEndpoint\)/);
    expect(r.stdout).toMatch(/Steps not run:\n {4}2\. New-MigrationBatch \(batch\.StagedBatch1\)\n {4}3\. New-MigrationBatch \(batch\.StagedBatch2\)\n {4}4\./);
    expect(r.stdout).not.toContain('[2/4]');
    expect(r.stdout).not.toMatch(/UTC {2}batch\./); // it did not wait
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    expect((await runCli(['plan', PLAN], { cwd, env })).stdout).toContain('Plan: 3 to add, 0 to change, 0 to remove.');
  });

  it('after step 1 of the steps the wait had to wait for: the report names the step not run, the wait stops, exit 1', async () => {
    const cwd = await waitingForAddition();
    const r = await applyWaitBreakingAt(cwd, /\[1\/2\] batch\.StagedBatch1: Set-MigrationBatch/);
    expect(r.stdout).toContain(`Apply stopped after step 1 of 2: ${UNWRITABLE}`);
    expect(r.stdout).toMatch(/Steps that ran:\n {4}1\. Set-MigrationBatch \(batch\.StagedBatch1\)/);
    expect(r.stdout).toMatch(/Steps not run:\n {4}2\. Start-MigrationBatch \(batch\.StagedBatch1\)/);
    expect(r.stdout).not.toContain('[2/2]');
    expect(r.stdout).toContain('Stopped waiting: the steps above did not all run (see the report above).');
    expect(r.stdout).not.toContain('Converged');
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    // The mailbox is in the batch, not yet started: the next plan starts the batch and adds nothing again.
    const plan = await runCli(['plan', PLAN], { cwd, env });
    expect(plan.stdout).not.toMatch(/outside stagemig|no record of an earlier/);
    expect(plan.stdout).toContain("Start-MigrationBatch -Identity 'StagedBatch1'");
    expect(plan.stdout).not.toContain('-AddUsers');
  });

  it('before the steps the wait had to wait for: none runs, the report lists them as not run, exit 1', async () => {
    const cwd = await waitingForAddition();
    const r = await applyWaitBreakingAt(cwd, /batch\.StagedBatch1 {2}Syncing -> Synced/);
    expect(r.stdout).toContain(`Apply stopped before step 1 of 2: ${UNWRITABLE}`);
    expect(r.stdout).toMatch(/Steps not run:\n {4}1\. Set-MigrationBatch \(batch\.StagedBatch1\)\n {4}2\. Start-MigrationBatch \(batch\.StagedBatch1\)/);
    expect(r.stdout).not.toContain('Steps that ran:');
    expect(r.stdout).not.toContain('[1/2]');
    expect(r.stdout).toContain('Stopped waiting: the steps above did not all run (see the report above).');
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    const plan = await runCli(['plan', PLAN], { cwd, env });
    expect(plan.stdout).not.toMatch(/outside stagemig|no record of an earlier/);
    expect(plan.stdout).toContain("Set-MigrationBatch -Identity 'StagedBatch1' -AddUsers");
    expect(plan.stdout).toContain("Start-MigrationBatch -Identity 'StagedBatch1'");
  });
});
