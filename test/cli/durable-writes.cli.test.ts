// Issue 12, defect 10 ("no fsync before the renames"), on the built CLI: every file stagemig replaces
// is written to a temporary file that is fsynced before it is renamed over the target, and the folder
// is fsynced after the rename. The system calls are read with strace (Linux); without strace the test
// says so on the console and does not run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyExample, PASSWORD } from '../helpers/cli.js';

const HAS_STRACE = process.platform === 'linux' && spawnSync('strace', ['-V']).status === 0;
if (!HAS_STRACE) console.warn('\n*** durable-writes.cli.test.ts did NOT run: strace was not found (Linux, apt-get install strace). ***\n');

interface Replacement {
  tmp: string;
  target: string;
  fsyncedBefore: boolean;
  folderFsyncedAfter: boolean;
}

/** Runs the built CLI under strace and pairs each rename of a temporary file with the fsyncs around it. */
function traced(args: string[], cwd: string): { status: number | null; replacements: Replacement[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'stagemig-strace-')), 'calls.log');
  const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat,fsync,fdatasync,close,rename,renameat,renameat2', '-o', log, process.execPath, CLI, ...args], {
    cwd, env: { ...process.env, NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD, STAGEMIG_NOW: '2026-12-01T07:00:00Z' }, encoding: 'utf8',
  });
  const open = new Map<string, string>(); // fd → path
  const synced = new Set<string>();
  const replacements: Replacement[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const opened = /openat\(AT_FDCWD, "([^"]+)", [^)]*\) = (\d+)$/.exec(line);
    if (opened) open.set(opened[2]!, opened[1]!);
    const sync = /f(?:data)?sync\((\d+)\) += 0/.exec(line);
    if (sync && open.has(sync[1]!)) {
      const path = open.get(sync[1]!)!;
      synced.add(path);
      for (const rep of replacements) if (rep.folderFsyncedAfter === false && path === dirname(rep.target)) rep.folderFsyncedAfter = true;
    }
    const closed = /close\((\d+)\)/.exec(line);
    if (closed) open.delete(closed[1]!);
    const renamed = /rename(?:at2?)?\((?:AT_FDCWD, )?"([^"]+\.tmp)", (?:AT_FDCWD, )?"([^"]+)"/.exec(line);
    if (renamed) replacements.push({ tmp: renamed[1]!, target: renamed[2]!, fsyncedBefore: synced.has(renamed[1]!), folderFsyncedAfter: false });
  }
  return { status: r.status, replacements };
}

describe.runIf(HAS_STRACE)('durable writes: fsync before every rename, and of the folder after it', () => {
  it('fmt rewriting the plan', () => {
    const dir = copyExample();
    const plan = join(dir, 'stagemig.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('version: 1', 'version:    1'));
    const { status, replacements } = traced(['fmt', 'stagemig.yaml'], dir);
    expect(status).toBe(0);
    expect(replacements.map((x) => x.target)).toEqual([plan]);
    expect(replacements).toEqual([expect.objectContaining({ fsyncedBefore: true, folderFsyncedAfter: true })]);
  });

  it('apply writing the simulator state and the last-applied record, and plan --out', () => {
    const dir = copyExample();
    const applied = traced(['apply', 'stagemig.yaml', '--auto-approve'], dir);
    expect(applied.status).toBe(0);
    const targets = new Set(applied.replacements.map((x) => x.target));
    expect(targets).toEqual(new Set([join(dir, '.stagemig', 'simulator.json'), join(dir, '.stagemig', 'stagemig.applied.json')]));
    for (const rep of applied.replacements) expect(rep, rep.target).toMatchObject({ fsyncedBefore: true, folderFsyncedAfter: true });
    const saved = traced(['plan', 'stagemig.yaml', '--out', 'p.json'], dir);
    expect(saved.status).toBe(0);
    expect(saved.replacements).toEqual([expect.objectContaining({ target: join(dir, 'p.json'), fsyncedBefore: true, folderFsyncedAfter: true })]);
  });
});
