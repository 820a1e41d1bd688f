// Nothing lost (issue 12): concurrent stagemig processes on one simulator state file serialize
// through its lock, and apply holds a per-plan lock for its whole run. The concurrent runs are built-CLI
// subprocesses (the lock is between processes); set-up and the checks after them run in-process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, PASSWORD, stagemig } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempFolder, writeSharedPlan } from '../helpers/big-plans.js';

interface StateFile {
  now: string;
  batches: Array<{ name: string }>;
  users: unknown[];
}
const stateOf = (dir: string): StateFile => JSON.parse(readFileSync(join(dir, '.stagemig', 'simulator.json'), 'utf8')) as StateFile;

describe('concurrent runs on one simulator state file', () => {
  it('two applies of two plans at once lose nothing (repeated)', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = tempFolder('race');
      const a = writeSharedPlan(dir, 'A', 20, 300);
      const b = writeSharedPlan(dir, 'B', 20, 300);
      const [ra, rb] = await Promise.all([
        stagemig(['apply', a, '--auto-approve'], { cwd: dir }),
        stagemig(['apply', b, '--auto-approve'], { cwd: dir }),
      ]);
      expect([ra.exitCode, rb.exitCode, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
      const state = stateOf(dir);
      expect(state.batches).toHaveLength(40);
      expect(state.users).toHaveLength(12_000);
      const again = await runCli(['plan', a, '--detailed-exitcode'], { cwd: dir });
      expect(again.exitCode).toBe(0);
    }
  }, 300_000);

  it('simulator advance during an apply loses no advance', async () => {
    const dir = tempFolder('advance');
    const a = writeSharedPlan(dir, 'A', 10, 200);
    expect((await runCli(['simulator', 'advance', a, '1s'], { cwd: dir })).exitCode).toBe(0);
    const start = Date.parse(stateOf(dir).now);
    const runs = await Promise.all([
      stagemig(['apply', a, '--auto-approve'], { cwd: dir }),
      ...Array.from({ length: 6 }, () => stagemig(['simulator', 'advance', a, '1m'], { cwd: dir })),
    ]);
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const state = stateOf(dir);
    expect(Date.parse(state.now) - start).toBe(6 * 60_000);
    expect(state.batches).toHaveLength(10);
  }, 60_000);

  it('simulator serve loses no acknowledged call while an apply writes the same file', async () => {
    const dir = tempFolder('serve');
    const a = writeSharedPlan(dir, 'A', 20, 100);
    const server = execa(process.execPath, [CLI, 'simulator', 'serve', a, '--quiet'], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout!.on('data', (chunk: Buffer) => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(chunk.toString());
          if (m) resolve(m[1]!);
        });
        void server.then(() => reject(new Error('serve ended')));
      });
      const stranger = await fetch(`${url.replace(/\/[\w-]+$/, '')}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"cmdlet":"Get-MigrationBatch"}' });
      expect(stranger.status).toBe(403); // a local process that was not given the URL
      const call = async (cmdlet: string, parameters: Record<string, unknown>) => {
        const res = await fetch(`${url}/invoke`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cmdlet, parameters }),
        });
        return (await res.json()) as { ok: boolean };
      };
      expect(await call('New-MigrationEndpoint', {
        Name: 'Served', ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'administrator@contoso.com',
        Credentials: { credential: { username: 'CONTOSO\\administrator', password: PASSWORD } },
      })).toMatchObject({ ok: true });
      const csv = (i: number) => ({ bytes: Buffer.from(`EmailAddress\r\nserved${i}@contoso.com\r\n`).toString('base64') });
      const [applied, ...acks] = await Promise.all([
        stagemig(['apply', a, '--auto-approve'], { cwd: dir }),
        ...Array.from({ length: 50 }, (_, i) => call('New-MigrationBatch', { Name: `Served${i}`, SourceEndpoint: 'Served', CSVData: csv(i) })),
      ]);
      expect(applied!.exitCode).toBe(0);
      expect(acks.every((r) => (r as { ok: boolean }).ok)).toBe(true);
      const names = new Set(stateOf(dir).batches.map((b) => b.name));
      expect(names.size).toBe(70);
      for (let i = 0; i < 50; i++) expect(names.has(`Served${i}`)).toBe(true);
    } finally {
      server.kill('SIGINT');
      await server;
    }
  }, 60_000);
});
