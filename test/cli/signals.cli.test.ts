// SIGTERM (CI cancelling a job) and SIGHUP (the terminal closing) stop an apply as Ctrl-C does: the
// running step finishes, the report of what ran and what did not is printed, the exit code is the
// same. Built CLI in a subprocess (signals need a real process); the simulator is made slow with the
// scenario key `latency:` so that the signal lands while step 1 runs. Set-up and the next plan run in-process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, copyExample, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const ENV = { NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD, STAGEMIG_NOW: '2026-12-01T07:00:00Z' };

async function applyAndSignal(signal: NodeJS.Signals) {
  const dir = copyExample();
  writeFileSync(join(dir, 'slow.yaml'), 'latency: 2s\n');
  expect((await runCli(['simulator', 'faults', 'stagemig.yaml', 'slow.yaml'], { cwd: dir, env: ENV })).exitCode).toBe(0);
  const child = execa(process.execPath, [CLI, 'apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env: ENV, reject: false, stdin: 'ignore' });
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('[1/4]')) resolve(); // step 1 is running (it takes 2 s)
    });
    void child.then(() => reject(new Error(`apply ended before step 1 started:\n${stdout}`)));
  });
  child.kill(signal);
  const r = await child;
  const plan = await runCli(['plan', 'stagemig.yaml'], { cwd: dir, env: ENV });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, plan: plan.stdout };
}

describe('signals during apply', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s: step 1 finishes, the report names what ran and what did not, exit 1', async (signal) => {
    const r = await applyAndSignal(signal);
    expect(r.stderr).toContain('Interrupted: stopping after the current step.');
    expect(r.stdout).toContain('[1/4] endpoint.StagedEndpoint');
    expect(r.stdout).not.toContain('[2/4]');
    expect(r.stdout).toContain('Apply interrupted after step 1 of 4.');
    expect(r.stdout).toMatch(/Steps that ran:\n {4}1\. New-MigrationEndpoint \(endpoint\.StagedEndpoint\)/);
    expect(r.stdout).toMatch(/Steps not run:\n {4}2\. New-MigrationBatch \(batch\.StagedBatch1\)/);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    // The endpoint was created; the next plan says so truthfully.
    expect(r.plan).toContain('Plan: 3 to add, 0 to change, 0 to remove.');
  }, 60_000);
});
