// Runs the same stagemig command on the in-process simulator (sim.yaml) and through real pwsh and the
// stand-in module (exo.yaml, the built CLI as a process), checking each pwsh run on the way: one bridge
// process, one connect, reads in threes, Microsoft Graph connected at most once, no secret in any command
// line, the bridge's environment or the output, no orphan pwsh.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { stagemig, stagemigInProcess, type CliResult, type Served } from './cli.js';
import { bridgesOf, liveBridgePids, watchProcesses } from './proc-watch.js';
import type { Workspace } from './workspace.js';

export interface TwinResult {
  ref: CliResult;
  exo: CliResult;
  /** Calls the stand-in received during the pwsh run. */
  calls: Record<string, number>;
}

const READS = ['Get-MigrationEndpoint', 'Get-MigrationBatch', 'Get-MigrationUser'];

export async function exoRun(
  ws: Pick<Workspace, 'dir' | 'secrets'>, served: Served, args: string[], env: Record<string, string> = {},
): Promise<{ r: CliResult; calls: Record<string, number> }> {
  await served.resetStats();
  const secrets = ws.secrets;
  let cliPid = -1;
  const { result: r, report } = await watchProcesses(secrets, () =>
    stagemig(args, { cwd: ws.dir, env: { ...env, STAGEMIG_SIMULATOR_URL: served.url }, onSpawn: (pid) => (cliPid = pid) }),
  );
  const calls = await served.stats();
  const what = `stagemig ${args.join(' ')}`;
  for (const s of secrets) expect(r.stdout + r.stderr, `${what}: output holds a secret`).not.toContain(s);
  if (report.supported) {
    expect(report.leaks, what).toEqual([]);
    const mine = bridgesOf(report, cliPid);
    expect(mine.instances, `${what}: PowerShell instances`).toHaveLength(1);
    const alive = liveBridgePids().filter((p) => mine.all.includes(p));
    expect(alive, `${what}: orphan pwsh`).toEqual([]);
  }
  expect(calls['Connect-ExchangeOnline'], `${what}: connects`).toBe(1);
  expect(calls['Disconnect-ExchangeOnline'], `${what}: disconnects`).toBe(1);
  // Microsoft Graph joins the same session at most once, and leaves it.
  expect(calls['Connect-MgGraph'] ?? 0, `${what}: Graph connects`).toBeLessThanOrEqual(1);
  expect(calls['Disconnect-MgGraph'] ?? 0, `${what}: Graph disconnects`).toBe(calls['Connect-MgGraph'] ?? 0);
  const reads = READS.map((c) => calls[c] ?? 0);
  expect(new Set(reads).size, `${what}: reads ${JSON.stringify(calls)}`).toBe(1);
  return { r, calls };
}

/** `stagemig <command> <plan> ...rest` on both sides: the reference in-process, exo.yaml as a process. */
export async function twin(ws: Workspace, served: Served, command: string, rest: string[] = []): Promise<TwinResult> {
  const ref = await stagemigInProcess([command, 'sim.yaml', ...rest], { cwd: ws.dir });
  const { r: exo, calls } = await exoRun(ws, served, [command, 'exo.yaml', ...rest]);
  return { ref, exo, calls };
}

/** Both sides print the same thing and end with the same exit code. */
export function expectSame(t: TwinResult): void {
  expect(t.exo.stderr.replaceAll('exo.yaml', 'sim.yaml')).toBe(t.ref.stderr);
  expect(t.exo.stdout).toBe(t.ref.stdout);
  expect(t.exo.exitCode).toBe(t.ref.exitCode);
}

export async function advanceBoth(ws: Workspace, duration: string): Promise<void> {
  for (const plan of ['sim.yaml', 'served.yaml']) {
    const r = await stagemigInProcess(['simulator', 'advance', plan, duration], { cwd: ws.dir });
    expect(r.exitCode, r.stderr).toBe(0);
  }
}

/** The two simulator state files are identical: same objects, statuses, GUIDs, clocks and counters. */
export function expectSameState(ws: Workspace): void {
  const ref: unknown = JSON.parse(readFileSync(ws.referenceState, 'utf8'));
  const exo: unknown = JSON.parse(readFileSync(ws.servedState, 'utf8'));
  expect(exo).toEqual(ref);
}

/** The cmdlet lines of a human plan. */
export const cmdletLines = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.replace(/^\s+\d+\. /, ''));
