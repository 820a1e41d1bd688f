// The PowerShell session as an admin meets it: three reads at any size, throttling absorbed, one clear
// error for a bad certificate password, a missing module or a missing pwsh, and Ctrl-C leaves no pwsh.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSimulatorFault } from '../../../src/backends/simulator/index.js';
import { CLI, serve, stagemig, stagemigInProcess, type Served } from './cli.js';
import { bridgeTreeOf, liveBridgePids } from './proc-watch.js';
import { HAS_PWSH, pwshEnv } from './pwsh.js';
import { exoRun, expectSame, expectSameState, twin } from './twin.js';
import { makeWorkspace, readPlan, secretsEnv, writePlans, type Workspace } from './workspace.js';

/** Two batches of 1,200 mailboxes: more than Get-MigrationUser's default ResultSize of 1,000. */
function bigPlan(yaml: string, dir: string): string {
  for (const wave of ['big1', 'big2']) {
    const rows = Array.from({ length: 1200 }, (_, i) => `${wave}.user${i}@contoso.com`);
    writeFileSync(join(dir, 'batches', `${wave}.csv`), ['EmailAddress', ...rows].join('\r\n') + '\r\n');
  }
  const batches = ['big1', 'big2'].map((w) => `  ${w}:\n    endpoint: StagedEndpoint\n    csv: batches/${w}.csv\n    state: stopped\n`);
  return yaml.replace(/^batches:\n[\s\S]*$/m, `batches:\n${batches.join('')}`);
}

describe.runIf(HAS_PWSH)('the PowerShell session', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace(bigPlan);
    served = await serve('served.yaml', ws.dir);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('reads 2,400 mailboxes with one call per kind (endpoints, batches, users, cloud mailboxes) and plans like the simulator', async () => {
    expectSame(await twin(ws, served, 'apply', ['--auto-approve']));
    const plan = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(plan);
    expect(plan.exo.exitCode, plan.exo.stdout).toBe(0);
    expect(plan.calls).toEqual({
      'Connect-ExchangeOnline': 1, 'Get-MigrationEndpoint': 1, 'Get-MigrationBatch': 1, 'Get-MigrationUser': 1, 'Get-Mailbox': 1, 'Disconnect-ExchangeOnline': 1,
    });
    expectSameState(ws);
  }, 180_000);

  it('retries a throttled write and carries on', async () => {
    writePlans(ws.dir, readPlan(ws.dir).replace('state: stopped', 'state: started'));
    await setSimulatorFault(ws.servedState, { failOnWriteCall: 1 });
    const { r, calls } = await exoRun(ws, served, ['apply', 'exo.yaml', '--auto-approve']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(calls['Start-MigrationBatch'], 'one start, throttled once and retried').toBe(2);
    expect((await stagemigInProcess(['apply', 'sim.yaml', '--auto-approve'], { cwd: ws.dir })).exitCode).toBe(0);
    for (const f of [ws.referenceState, ws.servedState]) await setSimulatorFault(f, { failOnWriteCall: undefined });
    expectSameState(ws);
  }, 120_000);

  it.each([
    ['a wrong certificate password', { STAGEMIG_CERT_PASSWORD: 'not-the-password' }, /Could not connect to Exchange Online for contoso\.onmicrosoft\.com\n.*password may be incorrect/],
    ['a missing certificate password', { STAGEMIG_CERT_PASSWORD: '' }, /Environment variable STAGEMIG_CERT_PASSWORD is not set/],
    ['a missing pwsh', { STAGEMIG_PWSH: '/nonexistent/pwsh' }, /PowerShell 7 \(\/nonexistent\/pwsh\) was not found/],
  ])('%s: one clear error, nothing read', async (_what, env, message) => {
    await served.resetStats();
    const r = await stagemig(['plan', 'exo.yaml'], { cwd: ws.dir, env: { ...env, STAGEMIG_SIMULATOR_URL: served.url } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.match(/error:/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/At line:|CategoryInfo|FullyQualifiedErrorId/);
    expect((await served.stats())['Get-MigrationBatch']).toBeUndefined();
  }, 60_000);

  it('a missing module: one clear error naming it', async () => {
    writeFileSync(join(ws.dir, 'nomodule.yaml'), readFileSync(join(ws.dir, 'exo.yaml'), 'utf8').replace(/module: .*/, 'module: /nonexistent/NoSuchModule.psd1'));
    const r = await stagemig(['plan', 'nomodule.yaml'], { cwd: ws.dir, env: { STAGEMIG_SIMULATOR_URL: served.url } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The PowerShell module /nonexistent/NoSuchModule.psd1 is not installed');
    expect(r.stderr).toContain('hint: Check `backend.module`');
  }, 60_000);

  it('Ctrl-C while connected: the session is closed and no pwsh is left behind', async () => {
    await served.resetStats();
    const child = execa(process.execPath, [CLI, 'plan', 'exo.yaml'], {
      cwd: ws.dir, env: { ...pwshEnv(), ...secretsEnv(), STAGEMIG_SIMULATOR_URL: served.url }, reject: false, stdin: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    while (((await served.stats())['Connect-ExchangeOnline'] ?? 0) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const bridges = process.platform === 'linux' ? bridgeTreeOf(child.pid!) : [];
    if (process.platform === 'linux') expect(bridges.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).not.toBe(0);
    // Within 3 s of the exit, every bridge is gone (polled: no fixed wait once they are).
    const gone = Date.now() + 3000;
    while (liveBridgePids().some((p) => bridges.includes(p)) && Date.now() < gone) await new Promise((res) => setTimeout(res, 50));
    expect(liveBridgePids().filter((p) => bridges.includes(p))).toEqual([]);
    expect((await served.stats())['Disconnect-ExchangeOnline']).toBe(1);
  }, 120_000);
});
