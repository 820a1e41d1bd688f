// bridge.ps1 in real pwsh, driven directly: the allow-list, the -Identity guard, host noise, no
// confirmation prompts, UTF-8 both ways, the V3 error format, and an orderly exit at end of input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBridge, type BridgeProcess } from '../../../src/backends/powershell/bridge-process.js';
import { bridgeScriptPath, standInModulePath } from '../../../src/backends/powershell/index.js';
import { pwshEnvironment } from '../../../src/backends/powershell/pwsh-env.js';
import { startSimulatorServer, type SimulatorServer } from '../../../src/backends/simulator-server/index.js';
import { GRAPH_USER_PROPERTIES } from '../../../src/backends/powershell/graph.js';
import { HAS_PWSH, PWSH } from './pwsh.js';
import { CERT_PASSWORD, pfxBytes } from './workspace.js';

describe.runIf(HAS_PWSH)('the bridge script in real pwsh', () => {
  let server: SimulatorServer;
  let bridge: BridgeProcess;
  let dir: string;
  const call = (cmdlet: string, parameters: Record<string, unknown> = {}) => bridge.call(cmdlet, parameters as never);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stagemig-bridge-'));
    server = await startSimulatorServer({ stateFile: join(dir, 'state.json'), now: () => new Date('2026-03-02T09:00:00Z') });
    bridge = spawnBridge({
      command: PWSH!.command, args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', bridgeScriptPath()],
      env: pwshEnvironment({ ...process.env, STAGEMIG_SIMULATOR_URL: server.url }),
    });
    expect(await bridge.hello).toMatchObject({ ok: true, result: { bridge: 1 } });
    expect(await call('Import-Module', { Name: standInModulePath() })).toMatchObject({ ok: true, result: { name: 'StagemigSimulator' } });
    // ShowBanner writes to the host: noise on stdout that the protocol must ignore.
    expect(await call('Connect-ExchangeOnline', { Organization: 'contoso.onmicrosoft.com', ShowBanner: true })).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(async () => {
    await bridge?.end(20_000);
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs only allow-listed cmdlets', async () => {
    for (const cmdlet of ['Invoke-Expression', 'Complete-MigrationBatch', 'Get-ChildItem', 'Remove-Item']) {
      expect(await call(cmdlet, { Command: 'exit 1' })).toMatchObject({ ok: false, error: `'${cmdlet}' is not on the bridge's allow-list.` });
    }
  });

  it('refuses an empty -Identity, reserved or odd parameter names, and reads with an -Identity', async () => {
    for (const identity of ['', '   ', null, ['a']]) {
      expect(await call('Remove-MigrationBatch', { Identity: identity })).toMatchObject({ ok: false, error: expect.stringMatching(/empty -Identity/) });
    }
    expect(await call('Get-MigrationBatch', { Identity: 'Wave1' })).toMatchObject({ ok: false, error: expect.stringMatching(/-Identity is not used/) });
    expect(await call('Get-MigrationBatch', { OutVariable: 'x' })).toMatchObject({ ok: false, error: expect.stringMatching(/not allowed/) });
    expect(await call('Get-MigrationBatch', { 'Name; rm -rf /': 'x' })).toMatchObject({ ok: false, error: expect.stringMatching(/not allowed/) });
  });

  it('never prompts: a write that asks for confirmation gets -Confirm:$false', async () => {
    expect(await call('Remove-MigrationBatch', { Identity: 'Nope' })).toEqual({
      id: expect.any(Number), ok: false, error: 'The migration batch "Nope" can\'t be found.',
      errorType: 'Microsoft.Exchange.Migration.MigrationObjectNotFoundException', errorCode: undefined, category: 'NotSpecified',
    });
  });

  it('passes values as literals, UTF-8 both ways, credentials and bytes rebuilt from JSON', async () => {
    const name = "Zürich 'EP' $(Get-Date) `n; \"x\" 東京";
    const created = await call('New-MigrationEndpoint', {
      Name: name, ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'admin@contoso.com',
      Credentials: { credential: { username: "CONTOSO\\o'brien", password: "p'$(x)" } }, MaxConcurrentMigrations: 20,
    });
    expect(created).toMatchObject({ ok: true });
    const csv = Buffer.from('EmailAddress\r\nzoë@contoso.com\r\n').toString('base64');
    const batch = await call('New-MigrationBatch', { Name: 'Wave;1', SourceEndpoint: name, CSVData: { bytes: csv }, NotificationEmails: ["o'neil@contoso.com"] });
    expect(batch).toMatchObject({ ok: true });
    const endpoints = await call('Get-MigrationEndpoint');
    expect(endpoints).toMatchObject({ ok: true, result: [{ name, username: "CONTOSO\\o'brien", maxConcurrentMigrations: 20, autodiscover: true }] });
    const users = await call('Get-MigrationUser', { ResultSize: 'Unlimited' });
    expect(users).toMatchObject({ ok: true, result: [{ email: 'zoë@contoso.com', batch: 'Wave;1', status: 'Queued' }] });
    const batches = await call('Get-MigrationBatch', { ResultSize: 'Unlimited' });
    expect(batches).toMatchObject({ ok: true, result: [{ name: 'Wave;1', endpoint: name, status: 'Created', creationDateTime: '2026-03-02T09:00:00Z' }] });
  });

  it('Microsoft Graph: a .pfx opened from {pfx}, licences from {assignedLicenses}, users and SKUs projected', async () => {
    const pfx = join(dir, 'app.pfx');
    writeFileSync(pfx, pfxBytes());
    const connect = (password: string) => call('Connect-MgGraph', { ClientId: 'app', TenantId: 'contoso.onmicrosoft.com', Certificate: { pfx: { path: pfx, password } }, NoWelcome: true });
    const wrong = await connect('not the password');
    expect(wrong).toMatchObject({ ok: false });
    expect(JSON.stringify(wrong)).not.toContain('not the password');
    expect(await call('Get-MgUser', { All: true })).toMatchObject({ ok: false, error: 'Authentication needed. Please call Connect-MgGraph.' });
    expect(await connect(CERT_PASSWORD)).toMatchObject({ ok: true });
    const e3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
    expect(await call('Get-MgSubscribedSku', { All: true })).toMatchObject({ ok: true, result: expect.arrayContaining([{ skuId: e3, skuPartNumber: 'ENTERPRISEPACK' }]) });
    expect(await call('Set-MgUserLicense', { UserId: 'zoë@contoso.com', AddLicenses: { assignedLicenses: [e3] }, RemoveLicenses: [] }))
      .toMatchObject({ ok: false, error: 'License assignment cannot be done for user with invalid usage location.' });
    expect(await call('Update-MgUser', { UserId: 'zoë@contoso.com', UsageLocation: 'DE' })).toMatchObject({ ok: true });
    expect(await call('Set-MgUserLicense', { UserId: 'zoë@contoso.com', AddLicenses: { assignedLicenses: [e3] }, RemoveLicenses: [] })).toMatchObject({ ok: true });
    const users = await call('Get-MgUser', { All: true, Property: [...GRAPH_USER_PROPERTIES] });
    expect(users).toMatchObject({ ok: true, result: [{ userPrincipalName: 'zoë@contoso.com', usageLocation: 'DE', assignedSkuIds: [e3], createdDateTime: '2026-03-02T09:00:00Z', proxyAddresses: ['SMTP:zoë@contoso.com'] }] });
    // Graph returns only the properties asked for: without -Property, none of the licence view's.
    expect(await call('Get-MgUser', { All: true })).toMatchObject({ ok: true, result: [{ userPrincipalName: 'zoë@contoso.com', usageLocation: null, assignedSkuIds: [], createdDateTime: null }] });
    expect(await call('Get-MgUser', { UserId: 'zoë@contoso.com' })).toMatchObject({ ok: false, error: 'Reads list every object; -UserId is not used.' });
  });

  it('returns service warnings with the result', async () => {
    const r = await call('Start-MigrationBatch', { Identity: 'Wave;1' });
    expect(r).toMatchObject({ ok: true, warnings: [] });
    const again = await call('Start-MigrationBatch', { Identity: 'Wave;1' });
    expect(again).toMatchObject({ ok: false, error: 'The migration batch has already started.' });
  });

  it('disconnects both services and exits at the end of its input', async () => {
    server.resetStats();
    await bridge.end(20_000);
    expect(server.stats().calls).toEqual({ 'Disconnect-MgGraph': 1, 'Disconnect-ExchangeOnline': 1 });
  }, 60_000);
});
