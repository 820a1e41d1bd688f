import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import { FIXTURES, tempDir, where } from './helpers.js';

const load = async (): Promise<Diagnostic[]> => (await loadPlan('schema-errors/stagemig.yaml', { cwd: FIXTURES })).diagnostics;
const at = (diags: Diagnostic[], line: number): Diagnostic[] => diags.filter((d) => d.range?.start.line === line);
const F = 'schema-errors/stagemig.yaml';

describe('schema violations are mapped back to YAML nodes', () => {
  it('reports all violations in one run', async () => {
    const diags = await load();
    expect(diags.length).toBe(17);
    expect(diags.every((d) => d.severity === 'error' && d.range?.file === F && d.hint)).toBe(true);
  });

  it('points an unknown key at the key and suggests the closest name', async () => {
    const diags = await load();
    const [top] = at(diags, 2);
    expect(top).toMatchObject({ code: 'UNKNOWN_KEY', summary: 'Unknown key `organisation` in the plan', hint: 'did you mean `organization`?' });
    expect(top?.range).toEqual({ file: F, start: { line: 2, col: 1 }, end: { line: 2, col: 13 } });
    const [nested] = at(diags, 16);
    expect(nested).toMatchObject({ code: 'UNKNOWN_KEY', hint: 'did you mean `maxConcurrentMigrations`?', address: 'endpoint.StagedEndpoint' });
    expect(where(nested!)).toBe(`${F}:16:5`);
    expect(nested?.excerpt).toBe('    maxConcurentMigrations: 20');
  });

  it('points a missing required key at the parent map', async () => {
    const diags = await load();
    expect(at(diags, 1).map((d) => d.summary)).toContain('The plan is missing `organization`');
    const [email] = at(diags, 9);
    expect(email).toMatchObject({ summary: 'Endpoint `StagedEndpoint` is missing `emailAddress`' });
    expect(email?.detail).toMatch(/autodiscover/);
    expect(where(email!)).toBe(`${F}:9:3`);
    expect(at(diags, 19).map((d) => d.summary).sort()).toEqual([
      'Endpoint `ManualEndpoint` is missing `emailAddress`', 'Endpoint `ManualEndpoint` is missing `rpcProxyServer`',
    ]);
    const [auth] = at(diags, 15).filter((d) => d.code === 'AUTODISCOVER_SETTING');
    expect(auth).toMatchObject({ summary: '`authentication` cannot be set on endpoint `StagedEndpoint`, which uses autodiscover' });
    expect(where(auth!)).toBe(`${F}:15:5`);
  });

  it('points wrong values at the value, with the allowed values and a did-you-mean', async () => {
    const diags = await load();
    expect(at(diags, 1).find((d) => d.code === 'SCHEMA_VIOLATION' && d.summary.startsWith('`version`'))?.range?.start).toEqual({ line: 1, col: 10 });
    expect(at(diags, 7)[0]?.summary).toBe('`sso` must be true or false (got "yes")');
    const [auth] = at(diags, 15);
    expect(auth?.summary).toBe('`authentication` of endpoint `StagedEndpoint` must be one of `Basic`, `NTLM` (got "Kerberos")');
    expect(where(auth!)).toBe(`${F}:15:21`);
    expect(at(diags, 27)[0]?.summary).toBe('`batches` must be a map of keys (got a list)');
  });

  it('checks backend type-specific keys', async () => {
    const diags = await load();
    expect(at(diags, 3).map((d) => d.summary)).toEqual(['`backend` needs one of `certificateFile`, `certificateThumbprint`']);
    const [stateFile] = at(diags, 6);
    expect(stateFile?.summary).toBe('`backend.stateFile` is not allowed here');
    expect(where(stateFile!)).toBe(`${F}:6:3`);
  });

  it('checks concurrency: 1..300 and incremental syncs at most the migrations', async () => {
    const diags = await load();
    expect(at(diags, 18).map((d) => d.code).sort()).toEqual(['INVALID_CONCURRENCY', 'SCHEMA_VIOLATION']);
    expect(at(diags, 18).find((d) => d.code === 'SCHEMA_VIOLATION')?.summary).toMatch(/must be between 1 and 300 \(got 400\)/);
    const [inc] = at(diags, 26);
    expect(inc).toMatchObject({ code: 'INVALID_CONCURRENCY', address: 'endpoint.ManualEndpoint' });
    expect(inc?.summary).toBe('maxConcurrentIncrementalSyncs (8) of endpoint `ManualEndpoint` is greater than maxConcurrentMigrations (5)');
  });

  it('does not echo a *Env value that is not a variable name (it may be the secret itself)', async () => {
    const diags = await load();
    const [env] = at(diags, 23);
    expect(env?.summary).toMatch(/must be the NAME of an environment variable/);
    expect(env?.summary).not.toContain('1PASSWORD');
    expect(env?.excerpt).toBe('      passwordEnv: (sensitive)');
  });

  it('rejects a wrong backend type with a suggestion and conflicting certificate settings', async () => {
    const dir = tempDir({
      'a.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbackend:\n  type: simulater\n',
      'b.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbackend:\n  type: exchange-online\n  appId: x\n  certificateThumbprint: 0123456789ABCDEF0123456789ABCDEF01234567\n  certificateFile: a.pfx\n  certificatePasswordEnv: PFX_PASSWORD\n  module: ./StandIn.psd1\n',
    });
    const a = (await loadPlan('a.yaml', { cwd: dir })).diagnostics;
    expect(a.map((d) => [where(d), d.hint])).toEqual([['a.yaml:4:9', 'did you mean `simulator`?']]);
    const b = (await loadPlan('b.yaml', { cwd: dir })).diagnostics;
    expect(b.map((d) => [where(d), d.summary])).toEqual([['b.yaml:3:1', 'Use either `certificateFile` or `certificateThumbprint`, not both.']]);
  });

  it('resolves an exchange-online backend: certificate and module paths against the plan folder', async () => {
    const dir = tempDir({
      'plans/p.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbackend:\n  type: exchange-online\n  appId: 6f1b0f5e-1111-2222-3333-444455556666\n  certificateFile: ../certs/app.pfx\n  certificatePasswordEnv: PFX_PASSWORD\n  module: ../powershell/StandIn.psd1\n',
      'q.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbackend:\n  type: exchange-online\n  appId: a\n  certificateThumbprint: 0123456789ABCDEF0123456789ABCDEF01234567\n  module: ExchangeOnlineManagement\n',
      'r.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbackend:\n  type: simulator\n  stateFile: state/sim.json\n',
    });
    const p = await loadPlan('plans/p.yaml', { cwd: dir });
    expect(p.desired?.backend).toEqual({
      type: 'exchange-online', appId: '6f1b0f5e-1111-2222-3333-444455556666',
      certificateFile: `${dir}/certs/app.pfx`, certificatePasswordEnv: 'PFX_PASSWORD', module: `${dir}/powershell/StandIn.psd1`,
    });
    const q = await loadPlan('q.yaml', { cwd: dir });
    expect(q.desired?.backend).toMatchObject({ module: 'ExchangeOnlineManagement', certificateThumbprint: '0123456789ABCDEF0123456789ABCDEF01234567' });
    const r = await loadPlan('r.yaml', { cwd: dir });
    expect(r.desired?.backend).toEqual({ type: 'simulator', stateFile: `${dir}/state/sim.json` });
    expect(r.desired?.endpoints).toEqual([]);
    expect(r.desired?.batches).toEqual([]);
  });
});
