// Every cmdlet call stagemig can emit binds to a parameter set that Exchange Online documents
// (powershell/parameter-sets, taken from the office-docs-powershell SYNTAX sections).
import { describe, expect, it } from 'vitest';
import { materialize } from '../../../src/apply/index.js';
import { bindParameters } from '../../helpers/bind-parameters.js';
import { connectParameters, READ_CMDLETS, WRITE_CMDLETS } from '../../../src/backends/powershell/connect.js';
import { loadDocumentedCmdlets } from '../../helpers/parameter-sets.js';
import type { Step, StepAction } from '../../../src/model/index.js';
import {
  addUsersStep, lifecycleStep, newBatchStep, newEndpointStep, removeEndpointStep, removeUserStep, setBatchNotificationStep,
  setEndpointStep,
} from '../../../src/plan/cmdlets.js';
import { serverTestParameters } from '../../../src/operations/check/endpoints.js';
import { batch, desired, endpoint } from '../../helpers/states.js';
import { licenseStep, usageLocationStep } from '../../../src/plan/diff-licenses.js';
import { GRAPH_READS, graphConnectParameters, graphWriteParameters } from '../../../src/backends/powershell/graph.js';

const cloudUser = { id: 'id-1', userPrincipalName: 'a@contoso.com', proxyAddresses: [], assignedSkuIds: [] };
const sku = { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK' };

const DOCS = loadDocumentedCmdlets();

function bind(cmdlet: string, names: string[]) {
  const doc = DOCS.get(cmdlet);
  if (!doc) throw new Error(`no documented parameter sets for ${cmdlet}`);
  return bindParameters(doc, names);
}
const bindStep = (s: Step) => bind(s.cmdlet, s.parameters.map(([n]) => n));

const manual = endpoint({
  autodiscover: false, exchangeServer: 'exch-01.contoso.com', rpcProxyServer: 'mail.contoso.com', authentication: 'Ntlm',
  nspiServer: 'nspi.contoso.com', mailboxPermission: 'FullAccess', skipVerification: true, acceptUntrustedCertificates: true,
  sourceMailboxLegacyDN: '/o=Contoso/ou=First/cn=Recipients/cn=test', testMailbox: 'test@contoso.onmicrosoft.com',
});
/** Every optional key an Autodiscover endpoint may have (the manual-only ones are YAML errors). */
const discovered = endpoint({
  skipVerification: true, acceptUntrustedCertificates: true, sourceMailboxLegacyDN: '/o=Contoso/cn=test', testMailbox: 'test@contoso.onmicrosoft.com',
});
const b = batch('Wave1', ['a@contoso.com'], { notificationEmails: ['ops@contoso.com'] });

/** One instance of every kind of step the planner builds, with every optional parameter it can add. */
const STEPS: Array<[string, Step, string]> = [
  ['Autodiscover endpoint', newEndpointStep(endpoint()), 'ExchangeOutlookAnywhereAutoDiscover'],
  ['Autodiscover endpoint with every option', newEndpointStep(discovered), 'ExchangeOutlookAnywhereAutoDiscover'],
  ['manual endpoint', newEndpointStep(manual), 'ExchangeOutlookAnywhere'],
  ['endpoint update', setEndpointStep(manual, [
    ['ExchangeServer', 'x'], ['RpcProxyServer', 'y'], ['Authentication', 'Basic'], ['MaxConcurrentMigrations', 5],
    ['MaxConcurrentIncrementalSyncs', 5], ['Credentials', true],
  ]), '__AllParameterSets'],
  ['endpoint removal', removeEndpointStep('E'), '__AllParameterSets'],
  ['batch (created)', newBatchStep(batch('W', ['a@contoso.com']), ['a@contoso.com'], false), 'Onboarding'],
  ['batch (AutoStart)', newBatchStep(b, ['a@contoso.com'], true), 'Onboarding'],
  ['batch (StartAfter)', newBatchStep({ ...b, startAfter: '2030-01-01T00:00:00Z' }, ['a@contoso.com'], true), 'Onboarding'],
  ['added users', addUsersStep(b, ['a@contoso.com']), '__AllParameterSets'],
  ['notification change', setBatchNotificationStep(b), '__AllParameterSets'],
  ['user removal', removeUserStep('W', 'a@contoso.com'), '__AllParameterSets'],
  ['start', lifecycleStep('W', 'start-batch'), '__AllParameterSets'],
  ['stop', lifecycleStep('W', 'stop-batch'), '__AllParameterSets'],
  ['removal', lifecycleStep('W', 'remove-batch'), '__AllParameterSets'],
  ['usage location (Microsoft Graph)', usageLocationStep(b, cloudUser, 'DE'), 'UpdateExpanded'],
  ['licence (Microsoft Graph)', licenseStep(b, cloudUser, sku), 'AssignExpanded'],
];

const ALL_ACTIONS: StepAction[] = [
  'new-endpoint', 'set-endpoint', 'remove-endpoint', 'new-batch', 'set-batch', 'add-users', 'remove-user', 'start-batch',
  'stop-batch', 'remove-batch', 'set-usage-location', 'assign-license',
];

describe('documented parameter sets', () => {
  it('are recorded for every cmdlet stagemig calls', () => {
    for (const c of [...READ_CMDLETS, ...WRITE_CMDLETS, 'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline']) {
      expect(DOCS.has(c), c).toBe(true);
    }
  });

  it('are consistent: every set names only declared parameters, each once; positions and pipeline input are declared', () => {
    for (const doc of DOCS.values()) {
      const declared = new Set(Object.keys(doc.parameters));
      for (const [name, set] of Object.entries(doc.parameterSets)) {
        const all = [...set.mandatory, ...set.optional];
        expect(new Set(all).size, `${doc.cmdlet} ${name}`).toBe(all.length);
        for (const p of all) expect(declared.has(p), `${doc.cmdlet} ${name} ${p}`).toBe(true);
      }
      for (const p of [...Object.keys(doc.positions ?? {}), ...(doc.pipelineInput ?? [])]) expect(declared.has(p)).toBe(true);
      if (doc.defaultParameterSet !== undefined) expect(Object.keys(doc.parameterSets)).toContain(doc.defaultParameterSet);
      const page = doc.cmdlet.includes('-Mg') ? new RegExp(`^microsoftgraph/graph-powershell-1\\.0/Microsoft\\.Graph\\.[\\w.]+/${doc.cmdlet}\\.md$`) : new RegExp(`^exchange/exchange-ps/ExchangePowerShell/${doc.cmdlet}\\.md$`);
      expect(doc.source.path).toMatch(page);
      for (const [p, at] of Object.entries(doc.positions ?? {})) {
        if (typeof at === 'object') for (const set of Object.keys(at)) expect(Object.keys(doc.parameterSets), `${doc.cmdlet} ${p}`).toContain(set);
      }
    }
  });

  it.each(STEPS)('%s binds to its documented set', (_label, step, set) => {
    expect(bindStep(step)).toEqual({ ok: true, parameterSet: set });
  });

  it('covers every kind of step the planner builds', () => {
    expect(new Set(STEPS.map(([, s]) => s.action))).toEqual(new Set(ALL_ACTIONS));
  });

  it('reads, connect (file and thumbprint) and disconnect bind', () => {
    expect(bind('Get-MigrationEndpoint', [])).toEqual({ ok: true, parameterSet: 'Identity' });
    expect(bind('Get-MigrationBatch', ['ResultSize'])).toEqual({ ok: true, parameterSet: 'Identity' });
    expect(bind('Get-MigrationUser', ['ResultSize'])).toEqual({ ok: true, parameterSet: 'Identity' });
    const config = { type: 'exchange-online' as const, appId: 'app', certificateFile: '/c.pfx', certificatePasswordEnv: 'P' };
    expect(bind('Connect-ExchangeOnline', Object.keys(connectParameters(config, 'contoso.onmicrosoft.com', { P: 'x' })))).toMatchObject({ ok: true });
    const thumb = { type: 'exchange-online' as const, appId: 'app', certificateThumbprint: 'AB' };
    expect(bind('Connect-ExchangeOnline', Object.keys(connectParameters(thumb, 'contoso.onmicrosoft.com', {})))).toMatchObject({ ok: true });
    expect(bind('Disconnect-ExchangeOnline', ['Confirm'])).toEqual({ ok: true, parameterSet: 'DefaultParameterSet' });
  });

  it("check's reads bind: Test-MigrationServerAvailability in the set that fits the endpoint, the bulk reads", () => {
    const env = { ONPREM_PASSWORD: 'x' };
    const test = (e: Parameters<typeof serverTestParameters>[0], exists: boolean) =>
      bind('Test-MigrationServerAvailability', Object.keys(serverTestParameters(e, exists, env)));
    expect(test(endpoint({ passwordEnv: 'ONPREM_PASSWORD' }), false)).toEqual({ ok: true, parameterSet: 'ExchangeOutlookAnywhereAutodiscover' });
    expect(test({ ...manual, passwordEnv: 'ONPREM_PASSWORD' }, false)).toEqual({ ok: true, parameterSet: 'ExchangeOutlookAnywhere' });
    expect(test(endpoint(), true)).toEqual({ ok: true, parameterSet: 'TestEndpoint' });
    expect(bind('Get-Recipient', ['ResultSize'])).toEqual({ ok: true, parameterSet: 'Identity' });
    expect(bind('Get-AcceptedDomain', ['ResultSize'])).toEqual({ ok: true, parameterSet: '__AllParameterSets' });
    expect(bind('Get-Mailbox', ['ResultSize'])).toEqual({ ok: true, parameterSet: 'Identity' });
  });

  it('keep only what Exchange Online has where a page documents every environment (exchangeOnline)', () => {
    expect(Object.keys(DOCS.get('Get-Mailbox')!.parameterSets).sort()).toEqual(['AnrSet', 'Identity', 'MailboxPlanSet']);
    expect(Object.keys(DOCS.get('Get-Recipient')!.parameterSets)).not.toContain('DatabaseSet');
    expect(DOCS.get('Get-AcceptedDomain')!.parameters).not.toHaveProperty('DomainController');
    expect(Object.keys(DOCS.get('Test-MigrationServerAvailability')!.parameterSets)).not.toContain('PSTImport');
    // An on-premises-only parameter is refused as the real cmdlet refuses it.
    expect(bind('Get-Recipient', ['ResultSize', 'DomainController'])).toMatchObject({ ok: false });
  });

  it('Microsoft Graph: the bulk reads, app-only connect (file and thumbprint), disconnect and the writes as sent bind', () => {
    expect(GRAPH_READS.map(([c, p]) => bind(c, Object.keys(p)))).toEqual([{ ok: true, parameterSet: 'List' }, { ok: true, parameterSet: 'List' }]);
    const file = { type: 'exchange-online' as const, appId: 'app', certificateFile: '/c.pfx', certificatePasswordEnv: 'P' };
    expect(bind('Connect-MgGraph', Object.keys(graphConnectParameters(file, 'contoso.onmicrosoft.com', { P: 'x' })))).toEqual({ ok: true, parameterSet: 'AppCertificateParameterSet' });
    const thumb = { type: 'exchange-online' as const, appId: 'app', certificateThumbprint: 'AB' };
    expect(bind('Connect-MgGraph', Object.keys(graphConnectParameters(thumb, 'contoso.onmicrosoft.com', {})))).toEqual({ ok: true, parameterSet: 'AppCertificateParameterSet' });
    expect(bind('Disconnect-MgGraph', [])).toEqual({ ok: true, parameterSet: '__AllParameterSets' });
    const lic = licenseStep(b, cloudUser, sku);
    expect(bind('Set-MgUserLicense', [...Object.keys(graphWriteParameters(materialize(lic, desired([b]), {}).parameters)), 'Confirm'])).toEqual({ ok: true, parameterSet: 'AssignExpanded' });
    // Without -ClientId a certificate is no app-only sign-in; a read cannot take both -All and -UserId.
    expect(bind('Connect-MgGraph', ['TenantId', 'CertificateThumbprint'])).toMatchObject({ ok: false });
    expect(bind('Get-MgUser', ['All', 'UserId'])).toMatchObject({ ok: false });
  });

  it('refuses what the documented sets refuse', () => {
    // The bug this guards against: an Autodiscover endpoint created with -Authentication.
    const mixed = bind('New-MigrationEndpoint', ['Name', 'Credentials', 'EmailAddress', 'Autodiscover', 'ExchangeOutlookAnywhere', 'Authentication']);
    expect(mixed).toMatchObject({ ok: false, error: expect.stringContaining('cannot be resolved') });
    expect(bind('New-MigrationBatch', ['Name', 'SourceEndpoint', 'CSVData', 'AutoStart', 'Nonsense'])).toMatchObject({ ok: false });
    expect(bind('Remove-MigrationUser', ['Confirm'])).toMatchObject({ ok: false, error: expect.stringContaining('Identity') });
    expect(bind('Get-MigrationUser', ['EmailAddress', 'BatchId'])).toMatchObject({ ok: false });
    expect(bind('Get-MigrationEndpoint', ['ResultSize'])).toMatchObject({ ok: false });
  });
});
