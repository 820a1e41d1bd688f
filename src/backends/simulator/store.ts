// Load and save the state file. Reading never creates it; writes are atomic (files/atomic-write).
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { writeFileAtomic } from '../../files/index.js';
import { STATE_FORMAT, STATE_VERSION, type SimState, type SimUser } from './state.js';

function corrupt(file: string, why: string): StagemigError {
  return new StagemigError([
    error('SIMULATOR_STATE', `The simulator state file ${file} is corrupt: ${why}`, {
      hint: 'Fix or delete the file (`stagemig simulator reset <plan.yaml>` deletes it and starts an empty service).',
    }),
  ]);
}

/** The state in `file`, or undefined when the file does not exist (an empty service). */
export async function loadState(file: string): Promise<SimState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StagemigError([
      error('SIMULATOR_STATE', `Cannot read the simulator state file ${file}: ${(err as Error).message}`),
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw corrupt(file, `not valid JSON (${(err as Error).message})`);
  }
  return checkShape(file, data);
}

function checkShape(file: string, data: unknown): SimState {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw corrupt(file, 'not a JSON object');
  const s = data as Partial<SimState>;
  if (s.format !== STATE_FORMAT) throw corrupt(file, `"format" is not "${STATE_FORMAT}"`);
  if (s.version !== STATE_VERSION) throw corrupt(file, `unsupported "version" ${JSON.stringify(s.version)}`);
  if (typeof s.now !== 'string' || Number.isNaN(Date.parse(s.now))) throw corrupt(file, '"now" is not a date');
  for (const key of ['endpoints', 'batches', 'users'] as const) {
    if (!Array.isArray(s[key])) throw corrupt(file, `"${key}" is not a list`);
  }
  if (typeof s.seq !== 'number' || typeof s.writeCalls !== 'number') throw corrupt(file, 'counters are missing');
  if (typeof s.faults !== 'object' || s.faults === null) throw corrupt(file, '"faults" is not an object');
  const state = s as SimState;
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

/** Writes the state atomically, creating the folder when needed. */
export async function saveState(file: string, state: SimState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, serializeState(state));
}

/** JSON with one endpoint, batch or user per line: readable, diffable and compact for 200,000 users. */
export function serializeState(state: SimState): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(state)) {
    if (Array.isArray(value)) {
      const items = key === 'users' ? usersOnLines(state.users) : value.map((v) => JSON.stringify(v)).join(',\n    ');
      parts.push(`  ${JSON.stringify(key)}: ${value.length === 0 ? '[]' : `[\n    ${items}\n  ]`}`);
    } else parts.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

/**
 * One stringify for all users (several times faster than one per user), then a line break before
 * each user. Compact users are flat objects whose first key is "email", so `},{"email":` occurs only between
 * two users (a quote inside a string is always escaped); the piece count double-checks that.
 */
function usersOnLines(users: SimUser[]): string {
  const compact = users.map(compactUser);
  const pieces = JSON.stringify(compact).slice(1, -1).split('},{"email":');
  if (pieces.length === users.length) return pieces.join('},\n    {"email":');
  return compact.map((u) => JSON.stringify(u)).join(',\n    ');
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
