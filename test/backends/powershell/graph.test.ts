// Microsoft Graph in the exchange-online backend (seed step 7), against a fake bridge: connected in the same
// session the first time licences are needed, app-only with the plan's app and certificate, two bulk reads,
// the licence writes, a clear error for each way it can fail, and the password only inside a request.
import { describe, expect, it } from 'vitest';
import { createExchangeOnlineBackend, type ExchangeOnlineOptions } from '../../../src/backends/powershell/index.js';
import { GRAPH_USER_PROPERTIES } from '../../../src/backends/powershell/graph.js';
import { StagemigError } from '../../../src/diag/index.js';
import { fail, fakeBridge, healthy, ok, type Handler } from './fake-bridge.js';

const ENV = { PATH: '/usr/bin', EXO_CERT_PASSWORD: 'cert-secret' };
const APP = '11111111-2222-3333-4444-555555555555';
const SKUS = [{ skuId: '6FD2C87F-B296-42F0-B197-1E91E994B900', skuPartNumber: 'ENTERPRISEPACK' }];
const USERS = [
  { id: 'id-b', userPrincipalName: 'bob@contoso.com', mail: 'bob@contoso.com', proxyAddresses: ['SMTP:bob@contoso.com'], createdDateTime: '2026-11-01T08:00:00Z', usageLocation: null, assignedSkuIds: [] },
  { id: 'id-a', userPrincipalName: 'ann@contoso.com', mail: null, proxyAddresses: [], createdDateTime: null, usageLocation: 'DE', assignedSkuIds: ['6FD2C87F-B296-42F0-B197-1E91E994B900'] },
];
const READS = { 'Get-MgSubscribedSku': SKUS, 'Get-MgUser': USERS };

function open(handler: Handler, over: Partial<ExchangeOnlineOptions> = {}) {
  const fake = fakeBridge(handler);
  const backend = createExchangeOnlineBackend({
    config: { type: 'exchange-online', appId: APP, certificateFile: '/plans/app.pfx', certificatePasswordEnv: 'EXO_CERT_PASSWORD' },
    organization: 'contoso.onmicrosoft.com', env: ENV, spawn: fake.spawn, sleep: async () => {}, ...over,
  });
  return { fake, backend };
}

/** A module that provides the Graph cmdlets itself (the stand-in) says so when imported. */
const standIn = (inner: Handler): Handler => (call) => (call.cmdlet === 'Import-Module' ? ok({ name: 'StagemigSimulator', version: '0.1.0', providesGraph: true }) : inner(call));

async function diagnostics(p: Promise<unknown>) {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(StagemigError);
  return (err as StagemigError).diagnostics;
}

describe('Microsoft Graph in the exchange-online backend', () => {
  it('is not connected by a run that needs no licences', async () => {
    const { fake, backend } = open(healthy());
    const b = await backend;
    await b.readLive();
    await b.close();
    expect(fake.cmdlets()).toEqual(['Import-Module', 'Connect-ExchangeOnline', 'Get-MigrationEndpoint', 'Get-MigrationBatch', 'Get-MigrationUser', 'Get-Mailbox', 'Disconnect-ExchangeOnline']);
  });

  it('imports the Graph modules, connects app-only once in the same session and reads in two bulk calls', async () => {
    const { fake, backend } = open(healthy(READS));
    const b = await backend;
    const first = await b.readLicensing!();
    const again = await b.readLicensing!();
    await b.close();
    expect(fake.cmdlets()).toEqual([
      'Import-Module', 'Connect-ExchangeOnline',
      'Import-Module', 'Import-Module', 'Import-Module', 'Connect-MgGraph',
      'Get-MgSubscribedSku', 'Get-MgUser', 'Get-MgSubscribedSku', 'Get-MgUser',
      'Disconnect-MgGraph', 'Disconnect-ExchangeOnline',
    ]);
    expect(fake.calls.slice(2, 5).map((c) => c.parameters)).toEqual([
      { Name: 'Microsoft.Graph.Users' }, { Name: 'Microsoft.Graph.Users.Actions' }, { Name: 'Microsoft.Graph.Identity.DirectoryManagement' },
    ]);
    expect(fake.calls[5]!.parameters).toEqual({
      ClientId: APP, TenantId: 'contoso.onmicrosoft.com', Certificate: { pfx: { path: '/plans/app.pfx', password: 'cert-secret' } }, NoWelcome: true,
    });
    expect(fake.calls[6]!.parameters).toEqual({ All: true });
    expect(fake.calls[7]!.parameters).toEqual({ All: true, Property: [...GRAPH_USER_PROPERTIES] });
    expect(first).toEqual(again);
    expect(first).toEqual({
      skus: [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK' }],
      users: [
        { id: 'id-a', userPrincipalName: 'ann@contoso.com', proxyAddresses: [], usageLocation: 'DE', assignedSkuIds: ['6fd2c87f-b296-42f0-b197-1e91e994b900'] },
        { id: 'id-b', userPrincipalName: 'bob@contoso.com', mail: 'bob@contoso.com', proxyAddresses: ['SMTP:bob@contoso.com'], createdDateTime: '2026-11-01T08:00:00Z', assignedSkuIds: [] },
      ],
    });
    const spawned = fake.state.spawned!;
    expect(JSON.stringify([spawned.args, spawned.env])).not.toContain('cert-secret');
  });

  it('uses the Graph cmdlets of a module that provides them (the stand-in) without importing Graph modules', async () => {
    const { fake, backend } = open(standIn(healthy(READS)));
    const b = await backend;
    await b.readLicensing!();
    await b.close();
    expect(fake.cmdlets().filter((c) => c === 'Import-Module')).toHaveLength(1);
    expect(fake.cmdlets()).toContain('Connect-MgGraph');
  });

  it('connects with the certificate thumbprint when the plan names one', async () => {
    const { fake, backend } = open(healthy(READS), { config: { type: 'exchange-online', appId: APP, certificateThumbprint: 'AB'.repeat(20) } });
    const b = await backend;
    await b.readLicensing!();
    await b.close();
    expect(fake.calls.find((c) => c.cmdlet === 'Connect-MgGraph')!.parameters).toEqual({
      ClientId: APP, TenantId: 'contoso.onmicrosoft.com', CertificateThumbprint: 'AB'.repeat(20), NoWelcome: true,
    });
  });

  it('runs the licence writes through Graph, -AddLicenses as assignedLicense objects', async () => {
    const { fake, backend } = open(healthy(READS));
    const b = await backend;
    const usage = await b.run({ cmdlet: 'Update-MgUser', parameters: { UserId: 'bob@contoso.com', UsageLocation: 'DE' } });
    const lic = await b.run({ cmdlet: 'Set-MgUserLicense', parameters: { UserId: 'bob@contoso.com', AddLicenses: ['6fd2c87f-b296-42f0-b197-1e91e994b900'], RemoveLicenses: [] } });
    await b.close();
    expect([usage, lic]).toEqual([{ ok: true, warnings: [] }, { ok: true, warnings: [] }]);
    expect(fake.cmdlets().filter((c) => c === 'Connect-MgGraph')).toHaveLength(1);
    expect(fake.calls.find((c) => c.cmdlet === 'Set-MgUserLicense')!.parameters).toEqual({
      UserId: 'bob@contoso.com', AddLicenses: { assignedLicenses: ['6fd2c87f-b296-42f0-b197-1e91e994b900'] }, RemoveLicenses: [],
    });
  });

  it('returns a refused licence write as a failure with the service\'s message', async () => {
    const { backend } = open(healthy(READS, () => fail('License assignment cannot be done for user with invalid usage location.')));
    const b = await backend;
    expect(await b.run({ cmdlet: 'Set-MgUserLicense', parameters: { UserId: 'x@contoso.com', AddLicenses: ['a'], RemoveLicenses: [] } }))
      .toEqual({ ok: false, error: 'License assignment cannot be done for user with invalid usage location.' });
    await b.close();
  });

  it('says how to install Microsoft Graph PowerShell when a module is missing, and closes the session', async () => {
    let imports = 0;
    const { fake, backend } = open((call) => {
      if (call.cmdlet === 'Import-Module' && ++imports > 1) return fail("The specified module 'Microsoft.Graph.Users' was not loaded because no valid module file was found in any module directory.", 'System.IO.FileNotFoundException');
      return healthy(READS)(call);
    });
    const b = await backend;
    const [d] = await diagnostics(b.readLicensing!());
    expect(d!.summary).toBe('The PowerShell module Microsoft.Graph.Users is not installed');
    expect(d!.hint).toContain('Install-Module Microsoft.Graph.Users, Microsoft.Graph.Users.Actions, Microsoft.Graph.Identity.DirectoryManagement');
    await b.close();
    expect(fake.cmdlets()).not.toContain('Connect-MgGraph');
    expect(fake.cmdlets()).not.toContain('Disconnect-MgGraph');
  });

  it('names the app, the tenant and the permissions when Graph refuses the connection', async () => {
    const { backend } = open(standIn((call) => (call.cmdlet === 'Connect-MgGraph' ? fail('AADSTS700016: Application not found in the directory.') : healthy(READS)(call))));
    const b = await backend;
    const [d] = await diagnostics(b.readLicensing!());
    expect(d!.summary).toBe('Could not connect to Microsoft Graph for contoso.onmicrosoft.com');
    expect(d!.detail).toContain('AADSTS700016');
    expect(d!.hint).toContain(APP);
    expect(d!.hint).toContain('LicenseAssignment.ReadWrite.All');
    await b.close();
  });

  it('points at the certificate when the .pfx does not open, and never shows its password', async () => {
    const { backend } = open(standIn((call) => (call.cmdlet === 'Connect-MgGraph' ? fail('The specified network password is not correct.') : healthy(READS)(call))));
    const b = await backend;
    const [d] = await diagnostics(b.readLicensing!());
    expect(d!.hint).toContain('backend.certificateFile and the password in EXO_CERT_PASSWORD');
    expect(JSON.stringify(d)).not.toContain('cert-secret');
    await b.close();
  });

  it('a failed or unexpected read is an error, never "no licences"', async () => {
    const denied = open(standIn((call) => (call.cmdlet === 'Get-MgUser' ? fail('Insufficient privileges to complete the operation.') : healthy(READS)(call))));
    const [d] = await diagnostics((await denied.backend).readLicensing!());
    expect(d!.summary).toBe('Not allowed to run Get-MgUser in Microsoft Graph');
    const odd = open(standIn(healthy({ ...READS, 'Get-MgUser': [{ id: 'x' }] })));
    const [e] = await diagnostics((await odd.backend).readLicensing!());
    expect(e!.summary).toBe('Get-MgUser returned something stagemig does not understand');
  });
});
