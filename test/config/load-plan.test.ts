import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { Sensitive } from '../../src/model/index.js';
import { FIXTURES, REPO, tempDir } from './helpers.js';

describe('loadPlan: a valid plan resolves into DesiredState', () => {
  it('loads the contoso example with no diagnostics', async () => {
    const { desired, diagnostics } = await loadPlan('examples/contoso/stagemig.yaml', { cwd: REPO });
    expect(diagnostics).toEqual([]);
    expect(desired?.planFile).toBe(join(REPO, 'examples/contoso/stagemig.yaml'));
    expect(desired?.organization).toBe('contoso.onmicrosoft.com');
    expect(desired?.backend).toEqual({ type: 'simulator', stateFile: join(REPO, 'examples/contoso/.stagemig/simulator.json') });
    expect(desired?.endpoints.map((e) => e.name)).toEqual(['StagedEndpoint']);
    expect(desired?.batches.map((b) => [b.name, b.state])).toEqual([
      ['StagedBatch1', 'started'],
      ['StagedBatch2', 'started'],
      ['StagedBatch3', 'stopped'],
    ]);
    expect(desired?.batches.reduce((n, b) => n + b.users.length, 0)).toBe(30);
    const wave2 = desired?.batches[1]?.users ?? [];
    expect(wave2[0]?.email).toBe('josé.garcía@contoso.com');
    expect(wave2[0]?.password).toBeInstanceOf(Sensitive);
    expect(wave2[0]?.password?.reveal()).toBe('Welcome-2026!x');
    expect(wave2[0]?.forceChangePassword).toBe(true);
  });

  const load = () => loadPlan('valid/stagemig.yaml', { cwd: FIXTURES });

  it('sorts endpoints and batches by name and fills in defaults', async () => {
    const { desired, diagnostics } = await load();
    expect(diagnostics).toEqual([]);
    expect(desired?.sso).toBe(true);
    expect(desired?.endpoints.map((e) => e.name)).toEqual(['AlphaEndpoint', 'ZetaEndpoint']);
    const [alpha, zeta] = desired?.endpoints ?? [];
    expect(alpha).toMatchObject({ state: 'removed', autodiscover: true, passwordEnv: 'OTHER_PASSWORD' });
    expect(alpha?.authentication).toBeUndefined(); // Autodiscover finds it; the YAML cannot set it
    expect(alpha?.maxConcurrentMigrations).toBeUndefined();
    expect(zeta).toMatchObject({
      state: 'present', autodiscover: false, exchangeServer: 'mbx01.fabrikam.com', rpcProxyServer: 'mail.fabrikam.com',
      username: 'FABRIKAM\\svc-migration', authentication: 'Ntlm', maxConcurrentMigrations: 50, maxConcurrentIncrementalSyncs: 50,
    });
    expect(desired?.batches.map((b) => [b.name, b.state, b.notificationEmails])).toEqual([
      ['Wave1', 'started', ['ops@fabrikam.com', 'zoë@fabrikam.com']],
      ['Wave2', 'stopped', []],
    ]);
  });

  it('keeps csv as written, resolves csvPath against the YAML folder, and points sources at the keys', async () => {
    const { desired } = await load();
    const wave1 = desired?.batches[0];
    expect(wave1?.csv).toBe('./csv/wave1.csv');
    expect(wave1?.csvPath).toBe(join(FIXTURES, 'valid/csv/wave1.csv'));
    expect(wave1?.source).toEqual({ file: 'valid/stagemig.yaml', start: { line: 30, col: 3 }, end: { line: 30, col: 8 } });
    expect(desired?.endpoints[0]?.source.start).toEqual({ line: 17, col: 3 });
  });

  it('reads users in CSV order with trimmed, unquoted values and their line numbers', async () => {
    const { desired } = await load();
    const users = desired?.batches[0]?.users ?? [];
    expect(users.map((u) => [u.email, u.line, u.forceChangePassword])).toEqual([
      ['Zoë.Müller@fabrikam.com', 2, false],
      ['kai@fabrikam.com', 4, false],
      ['li@fabrikam.com', 5, undefined],
    ]);
    expect(users[0]?.password?.reveal()).toBe('Welcome-2026!a');
    expect(users[1]?.password?.reveal()).toBe('Welcome,2026!"b"');
    expect(users[2]?.password).toBeUndefined();
    expect(JSON.stringify(users)).not.toContain('Welcome');
    const wave2 = desired?.batches[1]?.users ?? [];
    expect(wave2.map((u) => [u.email, u.line])).toEqual([
      ['first@fabrikam.com', 4],
      ['second@fabrikam.com', 5],
      ['third@fabrikam.com', 6],
    ]);
  });

  it('shows paths outside cwd as absolute', async () => {
    const { diagnostics } = await loadPlan(join(FIXTURES, 'references/stagemig.yaml'), { cwd: join(FIXTURES, 'valid') });
    expect(diagnostics[0]?.range?.file).toBe(join(FIXTURES, 'references/stagemig.yaml'));
  });

  it('supports YAML anchors and merge keys for shared batch settings', async () => {
    const yaml = [
      'version: 1',
      'organization: contoso.onmicrosoft.com',
      'endpoints:',
      '  E: {type: ExchangeOutlookAnywhere, autodiscover: true, emailAddress: a@contoso.com, credentials: {username: u, passwordEnv: P}}',
      'batches:',
      '  A: &wave',
      '    endpoint: E',
      '    csv: a.csv',
      '    notificationEmails: [ops@contoso.com]',
      '  B:',
      '    <<: *wave',
      '    csv: b.csv',
      '    state: stopped',
      '',
    ].join('\n');
    const dir = tempDir({ 'p.yaml': yaml, 'a.csv': 'EmailAddress\na@contoso.com\n', 'b.csv': 'EmailAddress\nb@contoso.com\n' });
    const { desired, diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.batches.map((b) => [b.name, b.endpoint, b.csv, b.state, b.notificationEmails, b.source.start.line])).toEqual([
      ['A', 'E', 'a.csv', 'started', ['ops@contoso.com'], 6],
      ['B', 'E', 'b.csv', 'stopped', ['ops@contoso.com'], 10],
    ]);
  });

  it('reports a missing plan file as a diagnostic, not an exception', async () => {
    const { desired, diagnostics } = await loadPlan('nope/stagemig.yaml', { cwd: FIXTURES });
    expect(desired).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'FILE_NOT_FOUND', summary: 'Plan file nope/stagemig.yaml does not exist' });
    expect(diagnostics[0]?.hint).toBeTruthy();
  });
});
