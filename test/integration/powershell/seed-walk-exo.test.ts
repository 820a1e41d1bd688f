// The whole seed through the exchange-online backend: the built CLI drives real pwsh, the bridge and the
// StagemigSimulator stand-in (Exchange Online and Microsoft Graph in one session) against `stagemig simulator
// serve`. Create and sync (steps 3-4), convert with the generated script run in real pwsh against the Exchange
// 2007 stand-in (step 5), record the conversion and the MX switch, the removal gates hold and then open at the
// right times (step 6), licences through Graph (step 7), removal, and the post-migration list (step 8).
// The service's clock is the served simulator's; each run's wall clock (STAGEMIG_NOW) is set to it, as a real
// tenant's time is the time. Every pwsh run is checked for secrets in arguments, environment and output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyState, saveState } from '../../../src/backends/simulator/index.js';
import { serve, stagemigInProcess, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { onPremRecipients, runConversionScript, WAVES, walkPlanYaml, writeOnPremDirectory, writeWaveCsvs } from './seed-walk-fixture.js';
import { cmdletLines, exoRun } from './twin.js';
import { APP_ID, CERT_PASSWORD, ONPREM_PASSWORD, pfxBytes, STAND_IN } from './workspace.js';

const START = '2026-12-01T08:00:00Z';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

const EXO_BACKEND = [
  'backend:', '  type: exchange-online', `  appId: ${APP_ID}`, '  certificateFile: app.pfx', '  certificatePasswordEnv: STAGEMIG_CERT_PASSWORD',
  `  module: ${JSON.stringify(STAND_IN)}`,
];
const SERVED_BACKEND = ['backend:', '  type: simulator', '  stateFile: .stagemig/served.json'];


describe.runIf(HAS_PWSH)('the whole seed, walked through real pwsh (exchange-online backend and the stand-in)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-walk-exo-'));
  const ws = { dir, secrets: [ONPREM_PASSWORD, CERT_PASSWORD] };
  let served: Served | undefined;
  afterAll(async () => {
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const writePlans = (extra: Parameters<typeof walkPlanYaml>[1] = {}) => {
    writeFileSync(join(dir, 'exo.yaml'), walkPlanYaml(EXO_BACKEND, extra));
    writeFileSync(join(dir, 'served.yaml'), walkPlanYaml(SERVED_BACKEND, extra));
  };
  const simNow = () => (JSON.parse(readFileSync(join(dir, '.stagemig', 'served.json'), 'utf8')) as { now: string }).now;
  const exo = async (...args: string[]) => (await exoRun(ws, served!, [args[0]!, 'exo.yaml', ...args.slice(1)], { STAGEMIG_NOW: simNow() }));
  const advance = async (duration: string) => {
    const r = await stagemigInProcess(['simulator', 'advance', 'served.yaml', duration], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
  };
  const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
  /** Graph is read in bulk as often as the live state (once per read of it), whatever the number of users. */
  const expectGraphReadsLikeLiveReads = (calls: Record<string, number>) => {
    expect(calls['Get-MgUser']).toBe(calls['Get-MigrationUser']);
    expect(calls['Get-MgSubscribedSku']).toBe(calls['Get-MigrationUser']);
  };
  const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

  it('creates, syncs, licenses through Graph, converts, gates, removes and lists what is left', async () => {
    writeWaveCsvs(dir);
    writeFileSync(join(dir, 'app.pfx'), pfxBytes());
    writePlans();
    await saveState(join(dir, '.stagemig', 'served.json'), emptyState(new Date(START)));
    served = await serve('served.yaml', dir);

    // Steps 3-4: endpoint and batches; the service syncs them. Nothing is licensed before Synced.
    const created = await exo('apply', '--auto-approve');
    expect(created.r.exitCode, created.r.stderr).toBe(0);
    expect(created.r.stdout).toContain("New-MigrationBatch -Name 'Wave1'");
    expect(created.calls['Connect-MgGraph']).toBe(1);
    expectGraphReadsLikeLiveReads(created.calls);
    expect(created.calls['Set-MgUserLicense']).toBeUndefined();
    expect((await exo('status')).r.stdout).toMatch(/Wave1 +(created|migrating) /);
    await advance('6h');
    let status = (await exo('status')).r;
    expect(status.stdout).toMatch(/Wave1 +synced +convert the on-premises mailboxes \(seed step 5\): stagemig convert exo\.yaml --batch Wave1/);
    expect(status.stdout).toContain('Licences: 5 migrated mailboxes are unlicensed');

    // Step 7: apply sets the usage location and assigns the declared licence through Microsoft Graph.
    const lic = await exo('apply', '--auto-approve');
    expect(lic.r.exitCode, lic.r.stderr).toBe(0);
    expect(lic.r.stdout).toContain("Update-MgUser -UserId 'ann@contoso.com' -UsageLocation 'DE'");
    expect(lic.r.stdout).toContain(`Set-MgUserLicense -UserId 'ann@contoso.com' -AddLicenses @(@{SkuId='${E3}'}) -RemoveLicenses @()`);
    expect(lic.calls).toMatchObject({ 'Connect-MgGraph': 1, 'Update-MgUser': 5, 'Set-MgUserLicense': 5 });
    expectGraphReadsLikeLiveReads(lic.calls);
    const state = JSON.parse(readFileSync(join(dir, '.stagemig', 'served.json'), 'utf8')) as { licenses: Record<string, { usageLocation: string; skuIds: string[] }> };
    expect(Object.keys(state.licenses).sort()).toEqual(Object.values(WAVES).flat().sort());
    expect(Object.values(state.licenses).every((l) => l.usageLocation === 'DE' && l.skuIds.join() === E3)).toBe(true);
    status = (await exo('status')).r;
    expect(status.stdout).not.toContain('unlicensed');

    // Step 5: the conversion files from Exchange Online's mailboxes (Get-Mailbox through the stand-in), the script
    // run on "premises" (the Exchange 2007 stand-in in real pwsh).
    writeOnPremDirectory(dir, Object.values(WAVES).flat());
    for (const name of Object.keys(WAVES)) {
      const convert = await exo('convert', '--batch', name, '--out', `convert-${name}`);
      expect(convert.r.exitCode, convert.r.stderr).toBe(0);
      // One bulk read of the tenant's mailboxes serves the live read and the conversion, whatever the size.
      expect(convert.calls['Get-Mailbox']).toBe(1);
      const run = runConversionScript(dir, `convert-${name}`);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
    const onPrem = onPremRecipients(dir);
    expect(onPrem.map((r) => r.type)).toEqual(['MailUser', 'MailUser', 'MailUser', 'MailUser', 'MailUser']);
    expect(onPrem[0]!.externalEmailAddress).toMatch(/^(SMTP:)?ann@contoso\.mail\.onmicrosoft\.com$/);

    // Record the conversion and the MX switch (now), and ask for the batches' removal.
    const converted = simNow();
    const removed = { Wave1: ['state: removed', `convertedAt: ${converted}`], Wave2: ['state: removed', `convertedAt: ${converted}`] };
    writePlans({ top: ['cutover:', `  mxSwitchedAt: ${converted}`], batch: removed });
    // Gates hold: no mailbox has synced since the conversion, and the MX switch is recent.
    let plan = (await exo('plan', '--detailed-exitcode')).r;
    expect(plan.exitCode).toBe(2);
    expect(cmdletLines(plan.stdout)).toEqual([]);
    expect(plan.stdout).toContain('note: Removal held: 3 of its 3 mailboxes have not synced since the conversion');
    expect(plan.stdout).toContain(`note: Removal held: the MX switch at ${utc(converted)} is less than 72 h ago; opens ${utc(hours(converted, 72))}.`);
    expect((await exo('apply', '--auto-approve')).r.stdout).not.toContain('Remove-MigrationBatch');
    status = (await exo('status')).r;
    expect(status.stdout).toMatch(/Wave1 +licensed +stagemig apply removes it once the gates open +3 of its 3 mailboxes have not synced since the conversion .*; the MX switch at/);

    // A day later every mailbox has synced again; only the MX wait holds, until exactly 72 hours.
    await advance('25h');
    plan = (await exo('plan')).r;
    expect(plan.stdout).not.toContain('have not synced since the conversion');
    expect(plan.stdout).toContain('is less than 72 h ago');
    await advance('46h59m');
    expect(cmdletLines((await exo('plan')).r.stdout)).toEqual([]);
    await advance('1m');
    plan = (await exo('plan')).r;
    expect(cmdletLines(plan.stdout).map((l) => l.replace(/\s+#.*$/, ''))).toEqual([
      "Remove-MigrationBatch -Identity 'Wave1' -Confirm:$false", "Remove-MigrationBatch -Identity 'Wave2' -Confirm:$false",
    ]);
    const removal = await exo('apply', '--auto-approve');
    expect(removal.r.exitCode, removal.r.stderr).toBe(0);
    expect(removal.calls['Remove-MigrationBatch']).toBe(2);
    await advance('1h');

    // Step 8: every batch is removed; the list of what is left, then the endpoint goes.
    status = (await exo('status')).r;
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.stdout).toContain('Every batch is removed. Post-migration (seed step 8):');
    expect(status.stdout).toMatch(/Autodiscover for contoso\.com +\S/);
    expect(status.stdout).toMatch(/Migration endpoints +to do +set `state: removed` on StagedEndpoint/);
    writePlans({ top: ['cutover:', `  mxSwitchedAt: ${converted}`], endpoint: ['    state: removed', '    protect: false'], batch: removed });
    const endpoint = await exo('apply', '--auto-approve');
    expect(endpoint.r.exitCode, endpoint.r.stderr).toBe(0);
    expect(endpoint.calls['Remove-MigrationEndpoint']).toBe(1);
    status = (await exo('status')).r;
    expect(status.stdout).toMatch(/Migration endpoints +done +none left/);
    expect(status.stdout).toMatch(/Decommission on-premises Exchange +unknown/);
    expect((await exo('plan', '--detailed-exitcode')).r.exitCode).toBe(0);
  }, 900_000);
});
