// stagemig validate: one smoke test of the BUILT CLI (`npm run build` first, as `npm test` does) as a
// subprocess; the behaviour in-process through the CLI's entry point (runCli).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../config/helpers.js';
import { runCli } from '../helpers/in-process.js';

const REPO = resolve(import.meta.dirname, '../..');
const BIN = resolve(REPO, 'dist/src/bin.cjs');
const FIXTURES = resolve(REPO, 'test/fixtures/config');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

// The example's passwordEnv is set: validate warns about unset secret variables.
const PASSWORD_ENV = { STAGEMIG_ONPREM_PASSWORD: 'set-for-validate' };

/** The built CLI as a subprocess. */
function validateBuilt(cwd: string, ...args: string[]): Promise<Result> {
  if (!existsSync(BIN)) throw new Error('dist/src/bin.cjs is missing: run `npm run build` first (npm test does).');
  return new Promise((done) => {
    const env = { ...process.env, NO_COLOR: '1', ...PASSWORD_ENV };
    execFile(process.execPath, [BIN, 'validate', ...args], { cwd, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** The same, in-process. */
async function validate(cwd: string, ...args: string[]): Promise<Result> {
  const r = await runCli(['validate', ...args], { cwd, env: PASSWORD_ENV });
  return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/** The `file:line[:col]: error: summary` header lines of the output. */
const headers = (stderr: string): string[] => stderr.split('\n').filter((l) => /^\S+:\d+(:\d+)?: (error|warning): /.test(l) || /^error: /.test(l));

describe('stagemig validate', () => {
  it('built CLI: exits 0 for the contoso example and prints a one-line summary', async () => {
    const r = await validateBuilt(REPO, 'examples/contoso/stagemig.yaml');
    expect(r).toEqual({ code: 0, stdout: 'Valid: 1 endpoint, 3 batches, 30 mailboxes.\n', stderr: '' });
  });

  it('exits 0 for the contoso example and prints a one-line summary (in-process)', async () => {
    const r = await validate(REPO, 'examples/contoso/stagemig.yaml');
    expect(r).toEqual({ code: 0, stdout: 'Valid: 1 endpoint, 3 batches, 30 mailboxes.\n', stderr: '' });
  });

  it('exits 1 and reports schema problems as file:line:col with excerpt and hint', async () => {
    const r = await validate(FIXTURES, 'schema-errors/stagemig.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const h = headers(r.stderr);
    expect(h).toHaveLength(17);
    expect(h[0]).toBe('schema-errors/stagemig.yaml:1:1: error: The plan is missing `organization`');
    expect(h).toContain('schema-errors/stagemig.yaml:16:5: error: Unknown key `maxConcurentMigrations` in endpoint `StagedEndpoint`');
    expect(r.stderr).toContain('  16 |     maxConcurentMigrations: 20\n     |     ^^^^^^^^^^^^^^^^^^^^^^\n');
    expect(r.stderr).toContain('  hint: did you mean `maxConcurrentMigrations`?');
    expect(r.stderr.trimEnd().endsWith('17 errors.')).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
  });

  it('sorts diagnostics by file then line, CSV ones as file:line', async () => {
    const r = await validate(FIXTURES, 'csv-errors/stagemig.yaml');
    expect(r.code).toBe(1);
    const h = headers(r.stderr);
    expect(h.slice(0, 3)).toEqual([
      'csv-errors/csv/bad-quote.csv:3: error: CSV syntax: Invalid Closing Quote',
      'csv-errors/csv/duplicates.csv:3: error: "ok2@contoso.com" is already in batch `A-Rows` (csv-errors/csv/rows.csv:5)',
      'csv-errors/csv/empty.csv:1: error: The CSV file is empty',
    ]);
    const rows = h.filter((l) => l.startsWith('csv-errors/csv/rows.csv:')).map((l) => Number(l.split(':')[1]));
    expect(rows).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.stderr).not.toMatch(/Row-Secret|Quote-Secret|Welcome-2026/);
  });

  it('reports references, the missing CSV and the long batch name in one run', async () => {
    const r = await validate(FIXTURES, 'references/stagemig.yaml');
    expect(r.code).toBe(1);
    expect(headers(r.stderr)).toEqual([
      'references/stagemig.yaml:17:15: error: Batch `StagedBatch1` uses endpoint `StagedEndpiont`, which is not declared under `endpoints`',
      'references/stagemig.yaml:21:10: error: CSV file "csv/does-not-exist.csv" of batch `StagedBatch2` does not exist',
      'references/stagemig.yaml:22:3: error: Batch name is 77 characters long; the service allows at most 64',
      'references/stagemig.yaml:26:15: error: Batch `StillUsesOld` uses endpoint `OldEndpoint`, which is marked `state: removed`',
      'references/stagemig.yaml:28:3: error: The batch names `StagedBatch1` and `stagedbatch1` differ only in case',
      'references/stagemig.yaml:30:10: error: Batches `StagedBatch1` and `stagedbatch1` use the same CSV file',
    ]);
  });

  it('masks literal passwords in its output', async () => {
    const r = await validate(FIXTURES, 'secrets/stagemig.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('secrets/stagemig.yaml:15:7: error: Literal secret `password` in the plan file\n  15 |       password: (sensitive)  # temporary!');
    expect(r.stderr).not.toMatch(/Secret-000\d/);
  });

  it('reports YAML syntax errors with positions', async () => {
    const r = await validate(FIXTURES, 'yaml-syntax/stagemig.yaml');
    expect(r.code).toBe(1);
    expect(headers(r.stderr)).toContain('yaml-syntax/stagemig.yaml:12:3: error: YAML syntax: Map keys must be unique');
  });

  it('treats a missing plan file as a user error, without a stack trace', async () => {
    const r = await validate(FIXTURES, 'no/such/plan.yaml');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('error: Plan file no/such/plan.yaml does not exist');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints paths relative to the working directory', async () => {
    const dir = tempDir({ 'plans/p.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbackend: {type: simulator, extra: 1}\n' });
    const r = await validate(resolve(dir, 'plans'), 'p.yaml');
    expect(headers(r.stderr)).toEqual(['p.yaml:3:28: error: Unknown key `extra` in `backend`']);
    const fromAbove = await validate(dir, 'plans/p.yaml');
    expect(headers(fromAbove.stderr)).toEqual(['plans/p.yaml:3:28: error: Unknown key `extra` in `backend`']);
  });

  it('exits 1 with a usage error when the plan argument is missing', async () => {
    const r = await validate(REPO);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing required argument 'plan'/);
  });
});
