// A generated runbook, run in real pwsh against the stand-in, reaches the state `stagemig apply`
// reaches on the in-process simulator; the runbook itself holds no secret.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createSimulatorBackend } from '../../../src/backends/simulator/index.js';
import { loadPlan } from '../../../src/config/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import { renderPowershellRunbook } from '../../../src/render/runbook/powershell-runbook.js';
import { serve, stagemigInProcess, type Served } from './cli.js';
import { CSV_A, CSV_PASSWORDS, hostileYaml, USERS_A, WAVE_A, writeHostileCsvs } from './hostile-plan.js';
import { watchProcesses } from './proc-watch.js';
import { HAS_PWSH, PWSH } from './pwsh.js';
import { advanceBoth, expectSameState } from './twin.js';
import { makeWorkspace, readPlan, secretsEnv, writePlans, type Workspace } from './workspace.js';

async function runbookFor(ws: Workspace, opts: { licensing?: boolean } = {}): Promise<string> {
  const { desired, diagnostics } = await loadPlan(join(ws.dir, 'exo.yaml'), { cwd: ws.dir });
  expect(desired, JSON.stringify(diagnostics)).toBeDefined();
  const served = createSimulatorBackend({ stateFile: ws.servedState, now: () => new Date() });
  const live = await served.readLive();
  const licensing = opts.licensing === true ? await served.readLicensing() : undefined;
  return renderPowershellRunbook(buildPlan(desired!, live, licensing ? { licensing } : {}), desired!);
}

async function runRunbook(ws: Workspace, served: Served, text: string, name: string) {
  const file = join(ws.dir, name);
  writeFileSync(file, text);
  for (const secret of ws.secrets) expect(text, 'a secret in the runbook').not.toContain(secret);
  const { result, report } = await watchProcesses(ws.secrets, () =>
    promisify(execFile)(PWSH!.command, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', file], {
      cwd: ws.dir, env: { ...process.env, ...secretsEnv(), STAGEMIG_SIMULATOR_URL: served.url, NO_COLOR: '1' },
    }).then((r) => ({ ok: true, ...r }), (e: { stdout: string; stderr: string }) => ({ ok: false, stdout: e.stdout, stderr: e.stderr })),
  );
  expect(result.ok, result.stderr).toBe(true);
  expect(report.leaks).toEqual([]);
  for (const secret of ws.secrets) expect(result.stdout + result.stderr).not.toContain(secret);
}

describe.runIf(HAS_PWSH)('a generated PowerShell runbook run in real pwsh', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace((_yaml, dir) => (writeHostileCsvs(dir), hostileYaml()), CSV_PASSWORDS);
    served = await serve('served.yaml', ws.dir);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('creates what apply creates, hostile names and CSV passwords included', async () => {
    const text = await runbookFor(ws);
    expect(text).toContain("$ErrorActionPreference = 'Stop'");
    await runRunbook(ws, served, text, 'create.ps1');
    expect((await stagemigInProcess(['apply', 'sim.yaml', '--auto-approve'], { cwd: ws.dir })).exitCode).toBe(0);
    expectSameState(ws);
    const calls = await served.stats();
    expect(calls['Connect-ExchangeOnline']).toBe(1);
    expect(calls['Get-MigrationBatch'] ?? 0).toBe(0);
  }, 180_000);

  it('adds users and starts a stopped batch the same way', async () => {
    await advanceBoth(ws, '6h');
    // The late joiner goes to the started (now Synced) batch: a never-started batch whose membership
    // changes is replaced rather than appended to (issue 8), so the stopped one is only started.
    const csv = join(ws.dir, CSV_A);
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}late.joiner@contoso.com,,False\r\n`);
    writePlans(ws.dir, readPlan(ws.dir).replace(/state: stopped/, 'state: started'));
    const text = await runbookFor(ws);
    expect(text).toMatch(/Set-MigrationBatch -Identity '[^\n]*' -AddUsers -CSVData \$csvData\d+/);
    expect(text).toContain("Start-MigrationBatch -Identity 'Wave `nzwei'");
    await runRunbook(ws, served, text, 'update.ps1');
    expect((await stagemigInProcess(['apply', 'sim.yaml', '--auto-approve'], { cwd: ws.dir })).exitCode).toBe(0);
    expectSameState(ws);
  }, 180_000);

  it('stops before changing anything when a secret is missing', async () => {
    writePlans(ws.dir, readPlan(ws.dir).replace(/state: started/, 'state: stopped'));
    const text = await runbookFor(ws);
    const file = join(ws.dir, 'missing.ps1');
    writeFileSync(file, text);
    await served.resetStats();
    const env = { ...process.env, STAGEMIG_SIMULATOR_URL: served.url, STAGEMIG_ONPREM_PASSWORD: '', STAGEMIG_CERT_PASSWORD: '' };
    const failed = await promisify(execFile)(PWSH!.command, ['-NoProfile', '-NonInteractive', '-File', file], { env }).catch((e: { stderr: string }) => e);
    expect('stderr' in failed && failed.stderr).toMatch(/Environment variable STAGEMIG_CERT_PASSWORD is not set/);
    expect(await served.stats()).toEqual({});
  }, 120_000);

  it('assigns licences through Microsoft Graph (the Graph cmdlets of the stand-in) the way apply does', async () => {
    const plan = parse(readPlan(ws.dir).replace(/state: stopped/, 'state: started')) as { batches: Record<string, Record<string, unknown>> };
    plan.batches[WAVE_A]!.license = { skuPartNumber: 'ENTERPRISEPACK', usageLocation: 'DE' };
    writePlans(ws.dir, stringify(plan));
    await advanceBoth(ws, '6h');
    const text = await runbookFor(ws, { licensing: true });
    expect(text).toContain(`Update-MgUser -UserId '${USERS_A[2]!.replace(/'/g, "''")}' -UsageLocation 'DE'`);
    expect(text).toMatch(/Set-MgUserLicense -UserId '[^\n]*' -AddLicenses @\(@\{SkuId='6fd2c87f-b296-42f0-b197-1e91e994b900'\}\) -RemoveLicenses @\(\)/);
    expect(text).toContain('Connect-MgGraph -ClientId');
    await served.resetStats();
    await runRunbook(ws, served, text, 'licences.ps1');
    const calls = await served.stats();
    expect(calls).toMatchObject({ 'Connect-MgGraph': 1, 'Disconnect-MgGraph': 1, 'Set-MgUserLicense': USERS_A.length + 1 });
    expect((await stagemigInProcess(['apply', 'sim.yaml', '--auto-approve'], { cwd: ws.dir })).exitCode).toBe(0);
    expectSameState(ws);
  }, 180_000);
});
