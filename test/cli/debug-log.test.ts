// STAGEMIG_LOG=debug and --log-file: one line per service call with duration and size, no secret.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maskedParameters } from '../../src/backends/call-log.js';
import { copyExample, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function example(): string {
  const dir = copyExample();
  dirs.push(dir);
  return dir;
}

/** Every secret the example's apply handles: the endpoint password and each CSV Password cell. */
function secrets(dir: string): string[] {
  const csvPasswords = readFileSync(join(dir, 'batches', 'wave2-sales.csv'), 'utf8').split(/\r?\n/).slice(1)
    .map((row) => row.split(',')[1]).filter((p): p is string => Boolean(p));
  expect(csvPasswords.length).toBeGreaterThan(5);
  return [PASSWORD, ...csvPasswords];
}

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z debug backend\.(\w+)(?: (.*))? \((\d+) ms\) -> (.+)$/;

describe('STAGEMIG_LOG=debug', () => {
  it('logs every backend call on stderr with masked parameters, duration and result size; no secret appears', async () => {
    const dir = example();
    const r = await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir, env: { STAGEMIG_LOG: 'debug' } });
    expect(r.exitCode).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    const calls = lines.map((l) => LINE.exec(l)).map((m) => (m ? [m[1], m[2]?.split(' ')[0] ?? ''] : ['?', '']));
    expect(calls).toEqual([
      ['open', 'simulator'], ['readLive', ''], ['readLive', ''],
      ['run', 'New-MigrationEndpoint'], ['run', 'New-MigrationBatch'], ['run', 'New-MigrationBatch'], ['run', 'New-MigrationBatch'],
      ['close', ''],
    ]);
    expect(lines[1]).toMatch(/-> 0 endpoints, 0 batches, 0 users, \d+ bytes$/);
    expect(lines[3]).toContain('"Credentials":{"username":"CONTOSO\\\\administrator","password":"(sensitive)"}');
    expect(lines[3]).toMatch(/-> ok, 0 warnings$/);
    expect(lines[5]).toMatch(/"CSVData":"\(sensitive\) CSV, \d+ bytes"/);
    for (const s of secrets(dir)) expect(r.stderr).not.toContain(s);
    // Nor the CSV data in any encoding apply sends it in.
    const csv = readFileSync(join(dir, 'batches', 'wave2-sales.csv'));
    expect(r.stderr).not.toContain(csv.toString('base64').slice(0, 40));
  });

  it('is off by default and for other values', async () => {
    const dir = example();
    expect((await runCli(['plan', 'stagemig.yaml'], { cwd: dir })).stderr).toBe('');
    expect((await runCli(['plan', 'stagemig.yaml'], { cwd: dir, env: { STAGEMIG_LOG: 'info' } })).stderr).toBe('');
  });
});

describe('--log-file', () => {
  it('appends the same lines to the file (owner-only), not to stderr', async () => {
    const dir = example();
    const r = await runCli(['--log-file', 'debug.log', 'apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const again = await runCli(['plan', 'stagemig.yaml', '--log-file=debug.log'], { cwd: dir });
    expect(again.exitCode).toBe(0);
    const log = readFileSync(join(dir, 'debug.log'), 'utf8');
    const lines = log.trimEnd().split('\n');
    expect(lines.every((l) => LINE.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('backend.open'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('backend.run New-MigrationBatch'))).toHaveLength(3);
    for (const s of secrets(dir)) expect(log).not.toContain(s);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'debug.log')).mode & 0o777).toBe(0o600);
  });

  it('STAGEMIG_LOG=debug logs the reads of `stagemig status`', async () => {
    const dir = example();
    const r = await runCli(['status', 'stagemig.yaml'], { cwd: dir, env: { STAGEMIG_LOG: 'debug' } });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/debug backend\.readLive \(\d+ ms\) -> 0 endpoints, 0 batches, 0 users, \d+ bytes/);
  });
});

describe('masking', () => {
  it('masks credentials, CSV bytes and any parameter named like a secret', () => {
    expect(maskedParameters({
      cmdlet: 'New-MigrationEndpoint',
      parameters: {
        Name: 'E', Credentials: { credential: { username: 'u', password: 'p4ss' } }, Password: 'p4ss',
      },
    })).toEqual({ Name: 'E', Credentials: { username: 'u', password: '(sensitive)' }, Password: '(sensitive)' });
    expect(maskedParameters({ cmdlet: 'New-MigrationBatch', parameters: { CSVData: { bytes: Buffer.from('EmailAddress,Password\na@b.c,p4ss').toString('base64') } } }))
      .toEqual({ CSVData: '(sensitive) CSV, 32 bytes' });
  });
});
