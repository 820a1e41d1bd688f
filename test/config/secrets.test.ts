import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { renderDiagnostics } from '../../src/render/common/diagnostics.js';
import { FIXTURES, byCode, planYaml, tempDir, where } from './helpers.js';

const SECRETS = ['Cert-Secret-0001', 'Hunter2-Secret-0002', 'Flow Secret-0003', 'Env Secret-0004', 'Secret-0'];

describe('secrets never reach a diagnostic', () => {
  it('reports every literal password key, pointing at the key, with a passwordEnv hint', async () => {
    const { diagnostics } = await loadPlan('secrets/stagemig.yaml', { cwd: FIXTURES });
    const literal = byCode(diagnostics, 'LITERAL_PASSWORD');
    expect(literal.map((d) => [where(d), d.summary])).toEqual([
      ['secrets/stagemig.yaml:7:3', 'Literal secret `certificatePassword` in the plan file'],
      ['secrets/stagemig.yaml:15:7', 'Literal secret `password` in the plan file'],
      ['secrets/stagemig.yaml:20:32', 'Literal secret `password` in the plan file'],
    ]);
    expect(literal[0]?.hint).toContain('`certificatePasswordEnv:');
    expect(literal[1]?.hint).toContain('`passwordEnv:');
    // No duplicate "unknown key" or "missing passwordEnv" noise for the same mistake.
    expect(byCode(diagnostics, 'UNKNOWN_KEY')).toEqual([]);
    expect(diagnostics.filter((d) => d.summary.includes('missing `passwordEnv`'))).toEqual([]);
  });

  it('masks the values in excerpts, block and flow style, comments kept', async () => {
    const { diagnostics } = await loadPlan('secrets/stagemig.yaml', { cwd: FIXTURES });
    const excerpts = byCode(diagnostics, 'LITERAL_PASSWORD').map((d) => d.excerpt);
    expect(excerpts).toEqual([
      '  certificatePassword: (sensitive)',
      '      password: (sensitive)  # temporary!',
      '    credentials: {username: x, password: (sensitive), passwordEnv: OK}',
    ]);
  });

  it('leaks no secret anywhere in the diagnostics or their rendering', async () => {
    const { diagnostics } = await loadPlan('secrets/stagemig.yaml', { cwd: FIXTURES });
    const everything = JSON.stringify(diagnostics) + renderDiagnostics(diagnostics, { color: false }) + renderDiagnostics(diagnostics, { color: true });
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it('masks a literal password even in a file with syntax errors', async () => {
    const dir = tempDir({ 'p.yaml': 'version: 1\ncredentials:\n  password: Broken-Secret-0099\n\tbad: [\n' });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(byCode(diagnostics, 'LITERAL_PASSWORD')).toHaveLength(1);
    expect(byCode(diagnostics, 'YAML_SYNTAX').length).toBeGreaterThan(0);
    expect(JSON.stringify(diagnostics)).not.toContain('Broken-Secret-0099');
  });

  it('masks a multi-line password value on every line', async () => {
    const dir = tempDir({ 'p.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\npassword: |\n  Multi-Secret-0100\n  more\nbogus: 1\n' });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(JSON.stringify(diagnostics)).not.toContain('Multi-Secret-0100');
    expect(diagnostics.map((d) => d.code)).toEqual(['LITERAL_PASSWORD', 'UNKNOWN_KEY']);
  });

  it('never puts a CSV password into a diagnostic', async () => {
    const dir = tempDir({
      'p.yaml': planYaml({ A: 'a.csv', B: 'b.csv' }, 'sso: true'),
      'a.csv': 'EmailAddress,Password,ForceChangePassword\nx@contoso.com,Csv-Secret-0201,True\n"y@contoso.com","Csv-Secret-0202"oops,False\n',
      'b.csv': 'z@contoso.com,Csv-Secret-0203,False\nbad address,Csv-Secret-0204,nope\n',
    });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['CSV_MISSING_HEADER', 'CSV_SSO_FORCE_CHANGE', 'CSV_SYNTAX']);
    const everything = JSON.stringify(diagnostics) + renderDiagnostics(diagnostics, { color: false });
    expect(everything).not.toMatch(/Csv-Secret-02\d\d/);
  });
});
