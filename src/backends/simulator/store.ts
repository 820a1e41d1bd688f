// Load and save the state file. Reading never creates it; writes are atomic (files/atomic-write).
// Must not: print, or report a failed write as a StagemigError: a write that fails after a cmdlet ran leaves its effect unknown.
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_BYTES, readCheckedJson, withLock, writeFileAtomic } from '../../files/index.js';
import type { SimState, SimUser } from './state.js';

const HINT = 'Fix or delete the file (`stagemig simulator reset <plan.yaml>` deletes it and starts an empty service).';

/** The state in `file`, or undefined when the file does not exist (an empty service). Checked against its schema. */
export async function loadState(file: string): Promise<SimState | undefined> {
  const state = await readCheckedJson<SimState>({
    path: file, file, schema: 'simulator-state.schema.json', maxBytes: MAX_BYTES.simulatorState, what: 'simulator state file', hint: HINT,
  });
  if (state === undefined) return undefined;
  for (const u of state.users as unknown as Array<Record<string, unknown>>) {
    for (const [k, v] of DEFAULT_ENTRIES) if (u[k] === undefined) u[k] = v;
  }
  return state;
}

/** User fields left out of the file when they hold these values (most users, most of the time). */
const USER_DEFAULTS = {
  pending: false, provisioned: false, hasPassword: false, queueSeq: 0, syncedItemCount: 0, skippedItemCount: 0,
} as const;

const DEFAULT_ENTRIES = Object.entries(USER_DEFAULTS);

function compactUser(u: SimUser): Record<string, unknown> {
  const out: Record<string, unknown> = { email: u.email };
  const defaults = USER_DEFAULTS as Record<string, unknown>;
  for (const k in u) {
    const v = (u as unknown as Record<string, unknown>)[k];
    if (k !== 'email' && v !== undefined && defaults[k] !== v) out[k] = v;
  }
  return out;
}

/** Who takes the state file's lock, and how long it waits for another holder. */
export interface StateLockOptions {
  command: string;
  timeoutMs: number;
}

/** A cmdlet, a clock advance or a fault change holds the lock for its own read-modify-write; apply's steps for their batch. */
export const DEFAULT_STATE_LOCK: StateLockOptions = { command: 'stagemig', timeoutMs: 300_000 };

/** Runs one read-modify-write of the state file while no other process can (lock file beside it). */
export function withStateLock<T>(file: string, lock: StateLockOptions, fn: () => Promise<T>): Promise<T> {
  return withLock(`${file}.lock`, {
    what: `The simulator state file ${file}`, command: lock.command, timeoutMs: Math.max(lock.timeoutMs, DEFAULT_STATE_LOCK.timeoutMs),
  }, fn);
}

/** Writes the state atomically, creating the folder when needed. */
export async function saveState(file: string, state: SimState): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, statePieces(state));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // Not a StagemigError: a write that fails after a cmdlet ran leaves its effect unknown (apply says so).
    throw new Error(`the simulator state file ${file} cannot be written (${e.code ?? e.message})`, { cause: err });
  }
}

/** Between two items of an array in the state file: one per line. */
const LINE_BREAK = ',\n    ';

/** JSON with one endpoint, batch or user per line: readable, diffable and compact for 200,000 users. */
export function serializeState(state: SimState): string {
  return [...statePieces(state)].join('');
}

/** serializeState's text in pieces of at most USERS_PER_CHUNK users (what saveState writes). */
function* statePieces(state: SimState): Generator<string> {
  yield '{\n';
  let first = true;
  for (const [key, value] of Object.entries(state)) {
    yield `${first ? '' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (!Array.isArray(value)) yield JSON.stringify(value);
    else if (value.length === 0) yield '[]';
    else {
      yield '[\n    ';
      if (key === 'users') yield* usersOnLines(state.users);
      else yield value.map((v) => JSON.stringify(v)).join(LINE_BREAK);
      yield '\n  ]';
    }
  }
  yield '\n}\n';
}

/**
 * Users serialised per stringify: a chunk's text stays under 128 KB, so neither it nor the chunk's
 * compact copies of the users outlive a scavenge (200,000 at once made 20 MB of strings per save that
 * only a full collection frees).
 */
const USERS_PER_CHUNK = 1024;

/**
 * One stringify per chunk of users (several times faster than one per user), then a line break before
 * each user, put in by one replace (no piece per user). Compact users are flat objects whose first key
 * is "email", so `},{"email":` occurs only between two users (a quote inside a string is always
 * escaped); the length the replace added double-checks that.
 */
function* usersOnLines(users: SimUser[]): Generator<string> {
  for (let start = 0; start < users.length; start += USERS_PER_CHUNK) {
    if (start > 0) yield LINE_BREAK;
    yield chunkOnLines(users.slice(start, start + USERS_PER_CHUNK).map(compactUser));
  }
}

function chunkOnLines(compact: Array<Record<string, unknown>>): string {
  const flat = JSON.stringify(compact).slice(1, -1);
  const SEPARATOR = '},{"email":';
  const BROKEN = `}${LINE_BREAK}{"email":`;
  const lines = flat.replaceAll(SEPARATOR, BROKEN);
  if (lines.length - flat.length === (BROKEN.length - SEPARATOR.length) * (compact.length - 1)) return lines;
  return compact.map((u) => JSON.stringify(u)).join(LINE_BREAK);
}

/** Deletes the state file; false when there was none. */
export async function deleteState(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
