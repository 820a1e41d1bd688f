import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const PLAN = 'stagemig.yaml';
const NOW = { STAGEMIG_NOW: '2026-03-01T09:00:00Z' };

describe('--format json and markdown on the built CLI', () => {
  it('plan --format json prints exactly one schema-valid document, byte-identical for the same inputs', async () => {
    const dir = copyExample();
    const first = await runCli(['plan', PLAN, '--format', 'json', '--detailed-exitcode'], { cwd: dir, env: NOW });
    expect(first.exitCode).toBe(2);
    const doc = JSON.parse(first.stdout) as Record<string, unknown> & { steps: Array<{ text: string }>; summary: { add: number } };
    expect(schemaErrors('plan', doc)).toEqual([]);
    expect(doc).toMatchObject({ format_version: '1.3', kind: 'plan', created_at: '2026-03-01T09:00:00.000Z', plan_file: PLAN, errored: false });
    expect(doc.summary.add).toBe(4);
    expect(doc.steps[0]?.text).toContain('New-MigrationEndpoint');
    const second = await runCli(['plan', PLAN, '--format', 'json'], { cwd: dir, env: NOW });
    expect(second.stdout).toBe(first.stdout);
  });

  it('puts planning errors inside the JSON document, with ranges, and keeps exit code 1', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'batches', 'wave3-finance.csv'), 'EmailAddress\r\nnot-an-address\r\n');
    const r = await runCli(['plan', PLAN, '--format', 'json'], { cwd: dir, env: NOW });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as { errored: boolean; diagnostics: Array<{ code: string; range: { file: string; start: { line: number } } }> };
    expect(schemaErrors('plan', doc)).toEqual([]);
    expect(doc.errored).toBe(true);
    expect(doc.diagnostics[0]).toMatchObject({ code: 'CSV_INVALID_ADDRESS', range: { file: join('batches', 'wave3-finance.csv'), start: { line: 2 } } });
    expect(r.stderr).toContain('error:');
    const md = await runCli(['plan', PLAN, '--format', 'markdown'], { cwd: dir });
    expect(md.exitCode).toBe(1);
    expect(md.stdout).toContain('**Planning failed.**');
  });

  it('validate --format json reports a valid plan and an invalid one, each as one schema-valid document', async () => {
    const dir = copyExample();
    const ok = await runCli(['validate', PLAN, '--format', 'json'], { cwd: dir });
    expect(ok.exitCode).toBe(0);
    const valid = JSON.parse(ok.stdout) as unknown;
    expect(schemaErrors('validate', valid)).toEqual([]);
    expect(valid).toMatchObject({ kind: 'validate', valid: true, error_count: 0, totals: { endpoints: 1, batches: 3, mailboxes: 30 } });
    writeFileSync(join(dir, PLAN), 'version: 1\norganization: contoso.onmicrosoft.com\nbatchez: {}\n');
    const bad = await runCli(['validate', PLAN, '--format', 'json'], { cwd: dir });
    expect(bad.exitCode).toBe(1);
    const invalid = JSON.parse(bad.stdout) as { valid: boolean; diagnostics: Array<{ code: string; range: { start: { line: number; column: number } } }> };
    expect(schemaErrors('validate', invalid)).toEqual([]);
    expect(invalid.valid).toBe(false);
    expect(invalid.diagnostics[0]).toMatchObject({ code: 'UNKNOWN_KEY', range: { start: { line: 3, column: 1 } } });
  });

  it('plan --format markdown prints a PR comment; an unknown format is a usage error', async () => {
    const dir = copyExample();
    const md = await runCli(['plan', PLAN, '--format', 'markdown'], { cwd: dir });
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toMatch(/^## stagemig plan\n/);
    expect(md.stdout).toContain('| endpoint.StagedEndpoint | create |');
    expect(md.stdout.match(/<details>/g)).toHaveLength(4);
    const bad = await runCli(['plan', PLAN, '--format', 'yaml'], { cwd: dir });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('Unknown output format "yaml"');
  });
});
