// validate and plan warn about each unset secret variable (with bash and PowerShell hints); apply refuses.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const dir = copyExample();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const UNSET = { STAGEMIG_ONPREM_PASSWORD: undefined };
const BASH = 'bash `read -rs STAGEMIG_ONPREM_PASSWORD && export STAGEMIG_ONPREM_PASSWORD`';
const PWSH = "PowerShell `$env:STAGEMIG_ONPREM_PASSWORD = Read-Host -MaskInput 'STAGEMIG_ONPREM_PASSWORD'`";

describe('unset passwordEnv', () => {
  it('validate warns at the passwordEnv line, with bash and PowerShell hints, and still exits 0', async () => {
    const r = await runCli(['validate', 'stagemig.yaml'], { cwd: dir, env: UNSET });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('Valid: 1 endpoint, 3 batches, 30 mailboxes.\n');
    expect(r.stderr).toMatch(/^stagemig\.yaml:26:20: warning: Environment variable STAGEMIG_ONPREM_PASSWORD is not set\n/);
    expect(r.stderr).toContain('`stagemig apply` will refuse to run until it is set.');
    expect(r.stderr).toContain(BASH);
    expect(r.stderr).toContain(PWSH);
    expect(r.stderr).toContain('1 warning.');
  });

  it('validate --format json carries it as a warning diagnostic', async () => {
    const r = await runCli(['validate', 'stagemig.yaml', '--format', 'json'], { cwd: dir, env: UNSET });
    const doc = JSON.parse(r.stdout) as { valid: boolean; warning_count: number; diagnostics: Array<{ severity: string; code: string; range: { start: { line: number } } }> };
    expect(doc.valid).toBe(true);
    expect(doc.warning_count).toBe(1);
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'MISSING_SECRET', range: { start: { line: 26 } } });
  });

  it('plan warns too and still plans; with the variable set neither warns', async () => {
    const r = await runCli(['plan', 'stagemig.yaml'], { cwd: dir, env: UNSET });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Plan: 4 to add, 0 to change, 0 to remove.');
    expect(r.stderr).toContain('warning: Environment variable STAGEMIG_ONPREM_PASSWORD is not set');
    expect((await runCli(['plan', 'stagemig.yaml'], { cwd: dir })).stderr).toBe('');
    expect((await runCli(['validate', 'stagemig.yaml'], { cwd: dir })).stderr).toBe('');
    expect((await runCli(['validate', 'stagemig.yaml'], { cwd: dir, env: { STAGEMIG_ONPREM_PASSWORD: '' } })).stderr).toContain('is not set');
  });

  it('apply still refuses before any step, with the same hints', async () => {
    const r = await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env: UNSET });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error: Environment variable STAGEMIG_ONPREM_PASSWORD is not set');
    expect(r.stderr).toContain(PWSH);
    expect((await runCli(['simulator', 'status', 'stagemig.yaml'], { cwd: dir })).stdout).not.toContain('StagedEndpoint');
  });

  it('an endpoint being removed needs no password: no warning', async () => {
    const yaml = readFileSync(join(dir, 'stagemig.yaml'), 'utf8');
    writeFileSync(join(dir, 'removed.yaml'), yaml.replace('    maxConcurrentMigrations: 20', '    state: removed\n    maxConcurrentMigrations: 20').replace(/\nbatches:[\s\S]*$/, '\n'));
    const r = await runCli(['validate', 'removed.yaml'], { cwd: dir, env: UNSET });
    expect(r.stderr).not.toContain('is not set');
  });
});

describe('unset certificate password (exchange-online)', () => {
  it('validate warns about certificatePasswordEnv and each passwordEnv, once per variable', async () => {
    const yaml = readFileSync(join(dir, 'stagemig.yaml'), 'utf8').replace(
      /backend:\n {2}type: simulator[^\n]*\n/,
      'backend:\n  type: exchange-online\n  appId: 6f1b0f5e-1111-2222-3333-444455556666\n  certificateFile: app.pfx\n  certificatePasswordEnv: STAGEMIG_CERT_PASSWORD\n',
    );
    writeFileSync(join(dir, 'eo.yaml'), yaml);
    const r = await runCli(['validate', 'eo.yaml', '--format', 'json'], { cwd: dir, env: { ...UNSET, STAGEMIG_CERT_PASSWORD: undefined } });
    const doc = JSON.parse(r.stdout) as { diagnostics: Array<{ summary: string; hint: string; range: { start: { line: number } } }> };
    expect(doc.diagnostics.map((d) => [d.summary, d.range.start.line])).toEqual([
      ['Environment variable STAGEMIG_CERT_PASSWORD is not set', 15],
      ['Environment variable STAGEMIG_ONPREM_PASSWORD is not set', 29],
    ]);
    expect(doc.diagnostics[0]!.hint).toContain("$env:STAGEMIG_CERT_PASSWORD = Read-Host -MaskInput 'STAGEMIG_CERT_PASSWORD'");
  });
});

describe('validate on stderr', () => {
  it('`stagemig validate` warns about an unset passwordEnv on stderr and exits 0', async () => {
    const r = await runCli(['validate', 'stagemig.yaml'], { cwd: dir, env: UNSET });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('warning: Environment variable STAGEMIG_ONPREM_PASSWORD is not set');
  });
});
