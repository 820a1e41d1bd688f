// Issue 12, defect 7: an unwritable last-applied record. apply checks it before step 1 (and changes
// nothing when it cannot be written); a record write that fails after a step ran ends in the usual
// report of the steps that ran and did not run, exit 1, never "internal error". The record path is made
// a directory (chmod does not stop root, which the tests may run as).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, copyExample, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const NOW = '2026-12-01T07:00:00Z';
const RECORD = join('.stagemig', 'stagemig.applied.json');
const STATE = join('.stagemig', 'simulator.json');
/** The simulated service's endpoints (none when the state file was never written). */
const endpointsOf = (dir: string): unknown[] =>
  (existsSync(join(dir, STATE)) ? (JSON.parse(readFileSync(join(dir, STATE), 'utf8')) as { endpoints: unknown[] }).endpoints : []);

/** Starts a slow apply (2 s per cmdlet) and calls `meanwhile` once step 1 runs. */
async function applyAndMeanwhile(dir: string, meanwhile: () => void) {
  const env = { NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD, STAGEMIG_NOW: NOW };
  writeFileSync(join(dir, 'slow.yaml'), 'latency: 2s\n');
  expect((await runCli(['simulator', 'faults', 'stagemig.yaml', 'slow.yaml'], { cwd: dir, env: { STAGEMIG_NOW: NOW } })).exitCode).toBe(0);
  const child = execa(process.execPath, [CLI, 'apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env, reject: false, stdin: 'ignore' });
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('[1/4]')) resolve();
    });
    void child.then(() => reject(new Error(`apply ended before step 1:\n${seen}`)));
  });
  // Well inside the step's 2 s: the service has read its state and has not saved yet.
  await new Promise((r) => setTimeout(r, 700));
  meanwhile();
  return child;
}

describe('an unwritable last-applied record', () => {
  it('is refused before step 1: a clear error naming the file and the fix, nothing changed', async () => {
    const dir = copyExample();
    mkdirSync(join(dir, RECORD), { recursive: true });
    const r = await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env: { STAGEMIG_NOW: NOW } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error: The last-applied record .stagemig/stagemig.applied.json cannot be written (EISDIR)');
    expect(r.stderr).toContain('hint: Make .stagemig/ a folder stagemig can write to and .stagemig/stagemig.applied.json a regular file');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).not.toContain('[1/4]');
    expect(endpointsOf(dir)).toEqual([]); // the service was not touched
    rmSync(join(dir, RECORD), { recursive: true });
    expect((await runCli(['plan', 'stagemig.yaml'], { cwd: dir, env: { STAGEMIG_NOW: NOW } })).stdout).toContain('Plan: 4 to add, 0 to change, 0 to remove.');
  });

  it('a .stagemig that is a file is refused with a clear error, not an internal one', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, '.stagemig'), 'not a folder\n');
    const r = await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env: { STAGEMIG_NOW: NOW } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cannot be locked: its lock file .*stagemig\.lock cannot be created/);
    expect(r.stderr).not.toContain('internal error');
  });

  it('failing after step 1 ran: the report of what ran and what did not, exit 1, and the next plan is truthful', async () => {
    const dir = copyExample();
    const env = { STAGEMIG_NOW: NOW };
    // Step 1 runs for 2 s: the record's place is taken meanwhile.
    const child = await applyAndMeanwhile(dir, () => mkdirSync(join(dir, RECORD), { recursive: true }));
    const r = await child;
    expect(r.stdout).toContain('Apply stopped after step 1 of 4: The last-applied record .stagemig/stagemig.applied.json cannot be written (EISDIR)');
    expect(r.stdout).toMatch(/Steps that ran:\n {4}1\. New-MigrationEndpoint \(endpoint\.StagedEndpoint\)/);
    expect(r.stdout).toMatch(/Steps not run:\n {4}2\. New-MigrationBatch \(batch\.StagedBatch1\)\n {4}3\. New-MigrationBatch \(batch\.StagedBatch2\)\n {4}4\./);
    expect(r.stdout).not.toContain('[2/4]');
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    rmSync(join(dir, RECORD), { recursive: true });
    await runCli(['simulator', 'faults', 'stagemig.yaml', '--clear'], { cwd: dir, env });
    const plan = await runCli(['plan', 'stagemig.yaml'], { cwd: dir, env });
    expect(plan.stdout).toContain('Plan: 3 to add, 0 to change, 0 to remove.');
  }, 60_000);

  it('the simulator state failing to save after step 1: the step is reported as uncertain, the rest as not run, exit 1', async () => {
    const dir = copyExample();
    const child = await applyAndMeanwhile(dir, () => {
      rmSync(join(dir, STATE));
      mkdirSync(join(dir, STATE));
    });
    const r = await child;
    expect(r.stdout).toContain('Apply stopped at step 1 of 4: the simulator state file');
    expect(r.stdout).toContain('cannot be written (EISDIR)');
    expect(r.stdout).toMatch(/Step whose effect is unknown[^\n]*\n {4}1\. New-MigrationEndpoint \(endpoint\.StagedEndpoint\)/);
    expect(r.stdout).toMatch(/Steps not run:\n {4}2\. New-MigrationBatch/);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
  }, 60_000);
});
