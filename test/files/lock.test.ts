import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, withLock } from '../../src/files/index.js';
import { StagemigError } from '../../src/diag/index.js';

const folder = () => mkdtempSync(join(tmpdir(), 'stagemig-lock-'));
const opts = { what: 'The thing', command: 'stagemig apply x.yaml', timeoutMs: 0 };
const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, command: 'stagemig apply other.yaml', since: '2026-12-02T03:00:00.000Z' });

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(StagemigError);
  const d = (err as StagemigError).diagnostics[0]!;
  return `${d.code}: ${d.summary} | ${d.detail} | ${d.hint}`;
}

describe('lock files', () => {
  it('serializes holders in one process and removes the lock file after', async () => {
    const file = join(folder(), 'state.json.lock');
    const order: string[] = [];
    await Promise.all([1, 2, 3].map((n) => withLock(file, { ...opts, timeoutMs: 5000 }, async () => {
      order.push(`in${n}`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`out${n}`);
    })));
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i]!.replace('in', 'out'));
    expect(existsSync(file)).toBe(false);
  });

  it('refuses at once, naming the holder, when a live process holds it', async () => {
    const file = join(folder(), 'p.lock');
    writeFileSync(file, holder(process.ppid));
    expect(await refusal(acquireLock(file, opts))).toBe(
      `LOCKED: The thing is locked by \`stagemig apply other.yaml\` (pid ${process.ppid} on ${hostname()}, since 2026-12-02T03:00:00.000Z) | ` +
      `Lock file: ${file}. Nothing was changed. | Wait for that run to finish, or pass --lock-timeout (e.g. --lock-timeout 5m) to wait for it. ` +
      'If no such process is running any more, delete the lock file.');
    expect(await refusal(acquireLock(file, { ...opts, timeoutMs: 300 }))).toContain('after waiting 0.3 s');
  });

  it('takes over a lock whose holder died on this host, never one held on another host', async () => {
    const file = join(folder(), 'p.lock');
    writeFileSync(file, holder(2 ** 22 + 12345)); // above any pid this machine hands out
    const lock = await acquireLock(file, opts);
    await lock.release();
    writeFileSync(file, holder(2 ** 22 + 12345, 'another-host'));
    expect(await refusal(acquireLock(file, opts))).toContain('on another-host');
  });

  it('waits for a holder that releases within --lock-timeout', async () => {
    const file = join(folder(), 'p.lock');
    const first = await acquireLock(file, opts);
    let waited = false;
    setTimeout(() => void first.release(), 200);
    const second = await acquireLock(file, { ...opts, timeoutMs: 5000, onWait: () => (waited = true) });
    expect(waited).toBe(true);
    await second.release();
  });
});
