// Exclusive locks between stagemig processes: an O_EXCL lock file that says who holds it.
// A lock whose holder ran on this host and no longer exists is stale and taken over; any other
// lock is waited for up to the timeout, then refused with a message naming the holder.
//
// Must not: print, or know what a plan or the service is: paths and bytes only.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { error, StagemigError } from '../diag/index.js';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface LockOptions {
  /** What the lock protects, for messages: "the simulator state file .stagemig/simulator.json". */
  what: string;
  /** The holder's command line as shown to others, e.g. "stagemig apply stagemig.yaml". */
  command: string;
  /** How long to wait for another holder (0: fail at once). */
  timeoutMs: number;
  /** Called once when the lock is busy and this process starts waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
}

export interface Lock {
  release(): Promise<void>;
}

const POLL_MS = 50;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.command === 'string' && typeof h.since === 'string') {
      return h as LockHolder;
    }
  } catch {
    // written half-way (the holder is creating it right now) or not ours
  }
  return undefined;
}

async function readHolder(file: string): Promise<{ text: string; holder: LockHolder | undefined; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, holder: parseHolder(text), ageMs: Date.now() - info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** A holder that cannot have finished writing its lock file in this long died while writing it. */
const UNREADABLE_STALE_MS = 10_000;

function isStale(current: { holder: LockHolder | undefined; ageMs: number }): boolean {
  const h = current.holder;
  if (h === undefined) return current.ageMs > UNREADABLE_STALE_MS;
  return h.host === hostname() && h.pid !== process.pid && !processExists(h.pid);
}

/**
 * Removes a stale lock file without ever removing a live one: move it aside atomically, check that
 * what was moved is the stale holder, and put it back (link never overwrites) if it was not.
 */
async function breakStale(file: string, staleText: string): Promise<void> {
  const aside = `${file}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== staleText) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function tryCreate(file: string, holder: LockHolder): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await fh.writeFile(JSON.stringify(holder) + '\n');
  } finally {
    await fh.close();
  }
  return true;
}

export function describeHolder(h: LockHolder | undefined): string {
  return h ? `\`${h.command}\` (pid ${h.pid} on ${h.host}, since ${h.since})` : 'another process (its lock file is being written or unreadable)';
}

function lockedError(file: string, opts: LockOptions, holder: LockHolder | undefined): StagemigError {
  const waited = opts.timeoutMs > 0 ? ` after waiting ${Math.round(opts.timeoutMs / 100) / 10} s` : '';
  return new StagemigError([error('LOCKED', `${opts.what} is locked by ${describeHolder(holder)}${waited}`, {
    detail: `Lock file: ${file}. Nothing was changed.`,
    hint: 'Wait for that run to finish, or pass --lock-timeout (e.g. --lock-timeout 5m) to wait for it. ' +
      'If no such process is running any more, delete the lock file.',
  })]);
}

/** The lock file cannot be made at all (its folder is a file, read-only, ...): nothing was changed. */
function unlockableError(file: string, opts: LockOptions, err: unknown): StagemigError {
  const e = err as NodeJS.ErrnoException;
  return new StagemigError([error('FILE_WRITE', `${opts.what} cannot be locked: its lock file ${file} cannot be created (${e.code ?? e.message})`, {
    detail: 'Nothing was changed.',
    hint: `Make ${dirname(file)} a folder stagemig can write to (move away a file of that name), then run stagemig again.`,
  })]);
}

export async function acquireLock(file: string, opts: LockOptions): Promise<Lock> {
  try {
    return await acquire(file, opts);
  } catch (err) {
    if (err instanceof StagemigError) throw err;
    throw unlockableError(file, opts, err);
  }
}

async function acquire(file: string, opts: LockOptions): Promise<Lock> {
  // A folder made only for the lock is removed with it, so a refused run leaves nothing behind.
  const madeFolder = await mkdir(dirname(file), { recursive: true });
  const deadline = Date.now() + Math.max(0, opts.timeoutMs);
  const me: LockHolder = { pid: process.pid, host: hostname(), command: opts.command, since: new Date().toISOString() };
  let told = false;
  for (;;) {
    if (await tryCreate(file, me)) {
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await unlink(file).catch(() => undefined);
          if (madeFolder !== undefined) await rmdir(dirname(file)).catch(() => undefined);
        },
      };
    }
    const current = await readHolder(file);
    if (current && isStale(current)) {
      await breakStale(file, current.text);
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(file, opts, current?.holder);
    if (!told) {
      told = true;
      opts.onWait?.(current?.holder);
    }
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}

/** Runs `fn` holding the lock, and releases it whatever happens. */
export function withLock<T>(file: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  return holdingLock(acquireLock(file, opts), fn);
}

/** Waits for the lock being acquired, runs `fn`, and releases the lock whatever happens. */
export async function holdingLock<T>(acquiring: Promise<Lock>, fn: () => Promise<T>): Promise<T> {
  const lock = await acquiring;
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
