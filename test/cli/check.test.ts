// `stagemig check` in-process on the simulator: a clean example passes, each failure kind fails with
// its object named and exit 1, JSON validates, DNS comes from a test server on 127.0.0.1.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState, loadState, saveState } from '../../src/backends/simulator/index.js';
import { copyExample, type CliResult } from '../helpers/cli.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const NOW = '2026-11-25T09:00:00Z';
const check = (dir: string, ...rest: string[]): Promise<CliResult> => runCli(['check', 'stagemig.yaml', ...rest], { cwd: dir, env: { STAGEMIG_NOW: NOW } });

async function withScenario(yaml: string): Promise<string> {
  const dir = copyExample();
  writeFileSync(join(dir, 'scenario.yaml'), yaml);
  const r = await runCli(['simulator', 'faults', 'stagemig.yaml', 'scenario.yaml'], { cwd: dir, env: { STAGEMIG_NOW: NOW } });
  expect(r.exitCode, r.stderr).toBe(0);
  return dir;
}

interface Finding { check: string; object: string; status: string; summary: string; detail: string | null; addresses: Record<string, string[]> | null }

async function json(dir: string, ...rest: string[]): Promise<{ exitCode: number; doc: { passed: boolean; service_calls: number; findings: Finding[] } }> {
  const r = await check(dir, '--format', 'json', ...rest);
  const doc = JSON.parse(r.stdout);
  expect(schemaErrors('check', doc)).toEqual([]);
  return { exitCode: r.exitCode, doc };
}

const failed = (findings: Finding[]): string[] => findings.filter((f) => f.status === 'failed').map((f) => `${f.check} ${f.object}`);

describe('stagemig check on the simulator', () => {
  it('passes every check on the clean example, and changes nothing', async () => {
    const dir = copyExample();
    const r = await check(dir);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('pass  endpoint.StagedEndpoint');
    expect(r.stdout).toContain('pass  batch.StagedBatch1: 10 addresses: 10 mail users ready.');
    expect(r.stdout).toContain('pass  domain.contoso.com: contoso.com is accepted');
    expect(r.stdout).toMatch(/Checks: 9 passed, 0 warnings, 0 failed\. Not checked: licences of migrated mailboxes \(30-day grace\)\./);
    const { exitCode, doc } = await json(dir);
    expect(exitCode).toBe(0);
    expect(doc.passed).toBe(true);
    expect(doc.findings.map((f) => f.check)).toEqual(['endpoint', 'recipients', 'recipients', 'recipients', 'domains', 'coexistence', 'limits', 'limits', 'dns']);
    const state = await loadState(join(dir, '.stagemig', 'simulator.json'));
    expect(state?.batches ?? []).toEqual([]);
  });

  it.each([
    ['unreachable', 'endpoint: unreachable', "We weren't able to connect to the remote server"],
    ['wrong credentials', 'endpoint: wrongCredentials', "We can't connect to your Exchange server in the on-premises domain with the credentials you provided"],
  ])('fails an %s endpoint with the service\'s message', async (_, scenario, message) => {
    const dir = await withScenario(`version: 1\n${scenario}\n`);
    const r = await check(dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('FAIL  endpoint.StagedEndpoint: The migration service cannot use this endpoint');
    expect(r.stdout).toContain(message);
    expect(r.stdout).toContain('ran: Test-MigrationServerAvailability -ExchangeOutlookAnywhere -Autodiscover -EmailAddress administrator@contoso.com -Credentials (sensitive)');
  });

  it('tests an endpoint that exists with -Endpoint NAME', async () => {
    const dir = copyExample();
    expect((await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env: { STAGEMIG_NOW: NOW } })).exitCode).toBe(0);
    writeFileSync(join(dir, 's.yaml'), 'version: 1\nendpoint: unreachable\n');
    await runCli(['simulator', 'faults', 'stagemig.yaml', 's.yaml'], { cwd: dir, env: { STAGEMIG_NOW: NOW } });
    const r = await check(dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('ran: Test-MigrationServerAvailability -Endpoint StagedEndpoint');
    // Applied batches: their mail users became mailboxes while provisioning, migrated by this very batch.
    expect(r.stdout).not.toContain('FAIL  batch.');
  });

  it('classifies every address: missing mail user, contact, group, mailbox elsewhere; all addresses in JSON', async () => {
    const dir = await withScenario([
      'version: 1',
      'recipients:',
      '  it-ops@contoso.com: missing',
      '  annb@contoso.com: contact',
      '  pilarp@contoso.com: group',
      '  dana.whitfield@contoso.com: mailbox',
      '',
    ].join('\n'));
    const r = await check(dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('FAIL  batch.StagedBatch1: 10 addresses: 7 mail users ready, 1 missing (directory sync has not created it), 1 held by a mail contact, 1 held by a group');
    expect(r.stdout).toContain('        missing: it-ops@contoso.com');
    expect(r.stdout).toContain('FAIL  batch.StagedBatch3: 10 addresses: 9 mail users ready, 1 already a mailbox in the cloud');
    expect(r.stdout).toContain('pass  batch.StagedBatch2');
    const { doc } = await json(dir);
    const all = doc.findings.filter((f) => f.check === 'recipients').flatMap((f) => Object.entries(f.addresses ?? {}).flatMap(([c, list]) => list.map((a) => `${c} ${a.toLowerCase()}`)));
    expect(all.sort()).toEqual(['contact annb@contoso.com', 'group pilarp@contoso.com', 'mailbox dana.whitfield@contoso.com', 'missing it-ops@contoso.com']);
  });

  it('fails a domain that is not accepted, and a federated domain with sso: false', async () => {
    const notAccepted = await withScenario('version: 1\nacceptedDomains: [fabrikam.com]\n');
    const r1 = await check(notAccepted);
    expect(r1.exitCode).toBe(1);
    expect(r1.stdout).toContain('FAIL  domain.contoso.com: contoso.com is not an accepted domain of the tenant (30 addresses in the CSVs)');
    const federated = await withScenario('version: 1\nfederatedDomains: [contoso.com]\n');
    const r2 = await check(federated);
    expect(r2.exitCode).toBe(1);
    expect(r2.stdout).toContain('FAIL  domain.contoso.com: contoso.com is federated (single sign-on), but the plan says sso: false');
    const yaml = join(federated, 'stagemig.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('sso: false', 'sso: true'));
    const csv = join(federated, 'batches/wave2-sales.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(/true(?=\s*"?\s*\r?$)/gim, 'False'));
    const r3 = await check(federated);
    expect(r3.stdout).toContain('pass  domain.contoso.com: contoso.com is accepted (Authoritative, federated; sso: true)');
  });

  it('fails on a leftover cutover batch', async () => {
    const dir = await withScenario('version: 1\ncutoverBatch: OldCutover\n');
    const { exitCode, doc } = await json(dir);
    expect(exitCode).toBe(1);
    expect(failed(doc.findings)).toEqual(['coexistence batch.OldCutover']);
  });

  it('fails when live batches, unmanaged ones included, and new ones pass 100', async () => {
    const dir = copyExample();
    const state = emptyState(new Date(NOW));
    for (let i = 0; i < 98; i += 1) {
      state.batches.push({
        name: `Other${String(i).padStart(2, '0')}`, guid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, endpoint: 'OtherEndpoint',
        status: 'Synced', notificationEmails: [], allowUnknownColumnsInCsv: false, creationDateTime: NOW, lastActivityAt: NOW, validationWarnings: [],
      });
    }
    await saveState(join(dir, '.stagemig', 'simulator.json'), state);
    const r = await check(dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('FAIL  tenant: Batches: 98 live (98 not in this plan) + 3 to create = 101, over the limit of 100');
  });

  it('fails when the endpoints of one type, unmanaged ones included, pass 300 concurrent migrations', async () => {
    const dir = copyExample();
    const state = emptyState(new Date(NOW));
    state.endpoints.push({
      name: 'OtherEndpoint', guid: '00000000-0000-4000-8000-000000000001', type: 'ExchangeOutlookAnywhere', autodiscover: true, username: 'FABRIKAM\\admin',
      passwordSet: true, authentication: 'Basic', acceptUntrustedCertificates: false, maxConcurrentMigrations: 290, maxConcurrentIncrementalSyncs: 10,
    });
    await saveState(join(dir, '.stagemig', 'simulator.json'), state);
    const r = await check(dir);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('FAIL  tenant: Concurrent migrations of Outlook Anywhere endpoints add up to 310, over the limit of 300');
    expect(r.stdout).toContain('Per endpoint: OtherEndpoint 290, StagedEndpoint 20.');
  });

  it('--target limits the batch checks to that batch and its endpoint', async () => {
    const dir = await withScenario('version: 1\nrecipients:\n  annb@contoso.com: missing\n');
    const { doc } = await json(dir, '--target', 'batch.StagedBatch3');
    expect(doc.findings.filter((f) => f.check === 'recipients').map((f) => f.object)).toEqual(['batch.StagedBatch3']);
    expect(doc.findings.some((f) => f.object === 'endpoint.StagedEndpoint' && f.check === 'endpoint')).toBe(true);
    const bad = await check(dir, '--target', 'batch.Nope');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('--target batch.Nope does not name an endpoint or batch in the plan');
  });

  it('warns, without failing, when the simulated DNS already points to Microsoft 365', async () => {
    const dir = await withScenario('version: 1\ndns:\n  contoso.com:\n    mx: contoso-com.mail.protection.outlook.com\n    autodiscover: autodiscover.outlook.com\n');
    const r = await check(dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('WARN  domain.contoso.com: MX points Microsoft 365 (contoso-com.mail.protection.outlook.com); Autodiscover points Microsoft 365 (autodiscover.outlook.com); the SRV record _autodiscover._tcp.contoso.com has no record.');
  });
});

describe('plan runs the checks that need no extra service call', () => {
  it('warns about a leftover cutover batch and points to check, still planning', async () => {
    const dir = await withScenario('version: 1\ncutoverBatch: OldCutover\n');
    const r = await runCli(['plan', 'stagemig.yaml'], { cwd: dir, env: { STAGEMIG_NOW: NOW } });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('warning: Preflight: OldCutover is a cutover batch (Synced); staged and cutover batches cannot exist at the same time');
    expect(r.stderr).toContain('Run `stagemig check` for every preflight check.');
    expect(r.stdout).toContain('Plan: ');
  });

  it('says nothing when coexistence and limits pass', async () => {
    const r = await runCli(['plan', 'stagemig.yaml'], { cwd: copyExample(), env: { STAGEMIG_NOW: NOW } });
    expect(r.stderr).not.toContain('Preflight');
  });
});

describe('stagemig check --dns-server', () => {
  let dns: TestDnsServer;
  beforeAll(async () => {
    dns = await startDnsServer({
      mx: { 'contoso.com': ['mail.contoso.com', 'backup.contoso.com'] },
      cname: { 'autodiscover.contoso.com': 'autodiscover.outlook.com' },
      srv: { '_autodiscover._tcp.contoso.com': [{ target: 'mail.contoso.com', port: 443 }] },
    });
  });
  afterAll(() => dns.close());

  it('asks the given server where MX and Autodiscover point', async () => {
    const dir = copyExample();
    const r = await check(dir, '--dns-server', dns.address);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('WARN  domain.contoso.com: MX points on premises (mail.contoso.com, backup.contoso.com); Autodiscover points Microsoft 365 (autodiscover.outlook.com); the SRV record _autodiscover._tcp.contoso.com points on premises (mail.contoso.com:443).');
    expect(dns.questions).toEqual(expect.arrayContaining(['MX contoso.com', 'CNAME autodiscover.contoso.com', 'SRV _autodiscover._tcp.contoso.com']));
  });

  it('reports a domain without records, and refuses a malformed server', async () => {
    const dir = copyExample();
    const yaml = join(dir, 'stagemig.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/\n {2}StagedBatch2:[\s\S]*$/, '\n'));
    writeFileSync(join(dir, 'batches/wave1-it-pilot.csv'), 'EmailAddress\nsomeone@nowhere.example\n');
    const r = await check(dir, '--dns-server', dns.address);
    expect(r.stdout).toContain('WARN  domain.nowhere.example: MX points nowhere (no record); Autodiscover points nowhere (no record); the SRV record _autodiscover._tcp.nowhere.example has no record.');
    const bad = await check(dir, '--dns-server', 'dns.example.com');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain("option '--dns-server <host[:port]>' argument 'dns.example.com' is invalid");
  });
});

describe('the Autodiscover SRV record', () => {
  it('is read from the simulated tenant too, and warns when it already points to Microsoft 365', async () => {
    const dir = await withScenario('version: 1\ndns:\n  contoso.com:\n    autodiscoverSrv: autodiscover.outlook.com\n');
    const r = await check(dir, '--format', 'json');
    const doc = JSON.parse(r.stdout) as { findings: Array<{ check: string; object: string; status: string; summary: string; detail?: string }> };
    const f = doc.findings.find((x) => x.check === 'dns' && x.object === 'domain.contoso.com')!;
    expect(f.summary).toContain('the SRV record _autodiscover._tcp.contoso.com points Microsoft 365 (autodiscover.outlook.com:443)');
    expect(f).toMatchObject({ status: 'warning' });
    expect(f.detail).toMatch(/Autodiscover SRV record already points to Microsoft 365/);
  });
});
