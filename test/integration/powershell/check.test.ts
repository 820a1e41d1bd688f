// `stagemig check` through real pwsh and the stand-in module gives the same findings as the in-process
// simulator, scenario by scenario, with the same fixed number of service calls.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { serve, stagemigInProcess, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { exoRun } from './twin.js';
import { emptyState, saveState } from '../../../src/backends/simulator/index.js';
import { FIXED_NOW, makeWorkspace, readPlan, writePlans, type Workspace } from './workspace.js';

interface Doc {
  passed: boolean; service_calls: number; findings: Array<{ check: string; object: string; status: string; summary: string; detail: string | null }>;
  skipped: Array<{ check: string; summary: string }>;
}
const GRAPH = ['Connect-MgGraph', 'Get-MgSubscribedSku', 'Get-MgUser', 'Disconnect-MgGraph'];
const graphCalls = (calls: Record<string, number>): Record<string, number> => Object.fromEntries(GRAPH.map((c) => [c, calls[c] ?? 0]));

describe.runIf(HAS_PWSH)('stagemig check through real pwsh matches the in-process simulator', () => {
  let ws: Workspace;
  let served: Served;
  let dns: TestDnsServer;

  beforeAll(async () => {
    ws = await makeWorkspace();
    served = await serve('served.yaml', ws.dir);
    dns = await startDnsServer({ mx: { 'contoso.com': ['contoso-com.mail.protection.outlook.com'] }, a: { 'autodiscover.contoso.com': ['192.0.2.10'] } });
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    await dns?.close();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  async function scenario(yaml: string): Promise<void> {
    writeFileSync(join(ws.dir, 'scenario.yaml'), yaml);
    for (const plan of ['sim.yaml', 'served.yaml']) {
      const r = await stagemigInProcess(['simulator', 'faults', plan, 'scenario.yaml'], { cwd: ws.dir });
      expect(r.exitCode, r.stderr).toBe(0);
    }
  }

  /** check on both sides; `licences`: a batch declares `license`, so licences are read through Microsoft Graph. */
  async function both(licences = false): Promise<{ sim: Doc; exo: Doc; exitCode: number; calls: Record<string, number> }> {
    const args = ['--format', 'json', '--dns-server', dns.address];
    const ref = await stagemigInProcess(['check', 'sim.yaml', ...args], { cwd: ws.dir });
    const { r: exo, calls } = await exoRun(ws, served, ['check', 'exo.yaml', ...args]);
    expect(exo.exitCode, exo.stderr).toBe(ref.exitCode);
    expect(exo.stderr).toBe('');
    const sim = JSON.parse(ref.stdout) as Doc;
    const exoDoc = JSON.parse(exo.stdout) as Doc;
    expect(exoDoc.findings).toEqual(sim.findings);
    expect(exoDoc.skipped).toEqual(sim.skipped);
    expect(exoDoc.service_calls).toBe(sim.service_calls);
    if (licences) {
      // Licences come through Microsoft Graph in the same pwsh session: one connect, two bulk reads.
      expect(exoDoc.findings.map((f) => f.check)).toContain('licenses');
      expect(graphCalls(calls)).toEqual({ 'Connect-MgGraph': 1, 'Get-MgSubscribedSku': 1, 'Get-MgUser': 1, 'Disconnect-MgGraph': 1 });
    } else {
      // The example declares no `license`: no Graph call at all, and the licence check says it was not made.
      expect(exoDoc.findings.map((f) => f.check)).not.toContain('licenses');
      expect(exoDoc.skipped.map((k) => k.check)).toEqual(['licenses']);
      expect(graphCalls(calls)).toEqual({ 'Connect-MgGraph': 0, 'Get-MgSubscribedSku': 0, 'Get-MgUser': 0, 'Disconnect-MgGraph': 0 });
    }
    return { sim, exo: exoDoc, exitCode: ref.exitCode, calls };
  }

  it('status of a plan without `license` makes no Microsoft Graph call and says licences were not read', async () => {
    const ref = await stagemigInProcess(['status', 'sim.yaml'], { cwd: ws.dir });
    const { r, calls } = await exoRun(ws, served, ['status', 'exo.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Licences: not read (no batch declares `license`, so stagemig does not sign in to Microsoft Graph)');
    expect(ref.stdout).toContain('Licences: not read (no batch declares `license`, so stagemig does not sign in to Microsoft Graph)');
    expect(graphCalls(calls)).toEqual({ 'Connect-MgGraph': 0, 'Get-MgSubscribedSku': 0, 'Get-MgUser': 0, 'Disconnect-MgGraph': 0 });
  }, 120_000);

  it('a clean tenant passes on both, with one call per read and one test per endpoint', async () => {
    const { exo, exitCode, calls } = await both();
    expect(exitCode).toBe(0);
    expect(exo.passed).toBe(true);
    expect(calls).toMatchObject({ 'Test-MigrationServerAvailability': 1, 'Get-Recipient': 1, 'Get-AcceptedDomain': 1, 'Get-MigrationUser': 1 });
    expect(exo.findings.find((f) => f.check === 'dns')?.status).toBe('warning');
  }, 120_000);

  it('an unreachable endpoint, a leftover cutover batch and every kind of recipient problem', async () => {
    await scenario([
      'version: 1', 'endpoint: unreachable', 'cutoverBatch: OldCutover',
      'recipients:', '  it-ops@contoso.com: missing', '  annb@contoso.com: contact', '  pilarp@contoso.com: group', '  dana.whitfield@contoso.com: mailbox', '',
    ].join('\n'));
    const { exo, exitCode } = await both();
    expect(exitCode).toBe(1);
    const failed = exo.findings.filter((f) => f.status === 'failed').map((f) => `${f.check} ${f.object}`);
    expect(failed).toEqual(['endpoint endpoint.StagedEndpoint', 'recipients batch.StagedBatch1', 'recipients batch.StagedBatch3', 'coexistence batch.OldCutover']);
    expect(exo.findings[0]!.detail).toContain("We weren't able to connect to the remote server");
  }, 120_000);

  // The cutover batch of the previous scenario stays: a scenario file replaces faults, not batches.
  it('wrong credentials and a federated domain with sso: false', async () => {
    await scenario('version: 1\nendpoint: wrongCredentials\nfederatedDomains: [contoso.com]\n');
    const { exo } = await both();
    expect(exo.findings.filter((f) => f.status === 'failed').map((f) => `${f.check} ${f.object}`)).toEqual(['endpoint endpoint.StagedEndpoint', 'domains domain.contoso.com', 'coexistence batch.OldCutover']);
  }, 120_000);

  it('a domain that is not accepted', async () => {
    await scenario('version: 1\nacceptedDomains: [fabrikam.com]\n');
    const { exo } = await both();
    expect(exo.findings.filter((f) => f.status === 'failed' && f.check !== 'coexistence').map((f) => f.summary)).toEqual(['contoso.com is not an accepted domain of the tenant (30 addresses in the CSVs)']);
  }, 120_000);

  it('the 100-batch limit and the 300-per-type concurrency cap, unmanaged objects included', async () => {
    const now = FIXED_NOW.toISOString();
    const state = emptyState(FIXED_NOW);
    state.endpoints.push({
      name: 'OtherEndpoint', guid: '00000000-0000-4000-8000-000000000001', type: 'ExchangeOutlookAnywhere', autodiscover: true, username: 'FABRIKAM\\admin',
      passwordSet: true, authentication: 'Basic', acceptUntrustedCertificates: false, maxConcurrentMigrations: 290, maxConcurrentIncrementalSyncs: 10,
    });
    for (let i = 0; i < 98; i += 1) {
      state.batches.push({
        name: `Other${String(i).padStart(2, '0')}`, guid: `00000000-0000-4000-8000-${String(i + 10).padStart(12, '0')}`, endpoint: 'OtherEndpoint',
        status: 'Synced', notificationEmails: [], allowUnknownColumnsInCsv: false, creationDateTime: now, lastActivityAt: now, validationWarnings: [],
      });
    }
    for (const f of [ws.referenceState, ws.servedState]) await saveState(f, state);
    const { exo, exitCode } = await both();
    expect(exitCode).toBe(1);
    const limits = exo.findings.filter((f) => f.check === 'limits' && f.status === 'failed').map((f) => f.summary);
    expect(limits).toEqual([
      'Batches: 98 live (98 not in this plan) + 3 to create = 101, over the limit of 100',
      'Concurrent migrations of Outlook Anywhere endpoints add up to 310, over the limit of 300',
    ]);
  }, 120_000);

  it('a plan that declares `license`: check reads licences through Microsoft Graph, once', async () => {
    writePlans(ws.dir, readPlan(ws.dir).replace('    csv: batches/wave1-it-pilot.csv\n', '    csv: batches/wave1-it-pilot.csv\n    license: {skuPartNumber: ENTERPRISEPACK, usageLocation: DE}\n'));
    const { exo } = await both(true);
    expect(exo.skipped).toEqual([]);
  }, 120_000);
});
