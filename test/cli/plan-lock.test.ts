// apply holds a per-plan lock for its whole run; --lock-timeout waits for another holder.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

function holdLock(dir: string): string {
  mkdirSync(join(dir, '.stagemig'), { recursive: true });
  const file = join(dir, '.stagemig', 'stagemig.lock');
  writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), command: 'stagemig apply stagemig.yaml', since: '2026-12-02T03:00:00.000Z' }));
  return file;
}

describe('the per-plan lock', () => {
  it('refuses a second apply of the same plan, naming the holder, and changes nothing', async () => {
    const dir = copyExample();
    holdLock(dir);
    const r = await runCli(['apply', 'stagemig.yaml', '--auto-approve'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`error: The plan ${join(dir, 'stagemig.yaml')} is locked by \`stagemig apply stagemig.yaml\` (pid ${process.ppid} on ${hostname()}, since 2026-12-02T03:00:00.000Z)`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, '.stagemig', 'simulator.json'))).toBe(false);
  });

  it('with --lock-timeout waits for the holder to finish, then applies', async () => {
    const dir = copyExample();
    const file = holdLock(dir);
    setTimeout(() => rmSync(file), 300);
    const r = await runCli(['apply', 'stagemig.yaml', '--auto-approve', '--lock-timeout', '30s'], { cwd: dir });
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Apply complete!');
    expect(existsSync(file)).toBe(false);
  });

  it('rejects a --lock-timeout that is not a duration', async () => {
    const r = await runCli(['apply', 'stagemig.yaml', '--lock-timeout', 'soon'], { cwd: copyExample() });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("option '--lock-timeout <duration>' argument 'soon' is invalid. use a duration such as 0s, 30s, 5m or 1h");
  });
});
