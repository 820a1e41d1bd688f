// One write cmdlet against the state: all-or-nothing, with write faults. Pure (it returns a new state) unless the
// caller passes inPlace, which changes the given state when no write fault is armed.
// Must not: print, read the host's clock, or touch the given state without inPlace (with it, a refusal may leave the
// state half-changed: the caller reloads it, never saves it).
import type { WireValue } from '../../model/index.js';
import type { RunResult } from '../backend.js';
import { newMigrationBatch } from './batch-create.js';
import { completeMigrationBatch, removeMigrationBatch, startMigrationBatch, stopMigrationBatch } from './batch-lifecycle.js';
import { setMigrationBatch } from './batch-set.js';
import { newMigrationEndpoint, removeMigrationEndpoint, setMigrationEndpoint } from './endpoints.js';
import { CmdletError } from './params.js';
import type { SimState } from './state.js';
import { T } from './texts.js';
import { setMgUserLicense, updateMgUser } from './licensing.js';
import { removeMigrationUser } from './users.js';

/** Like model Invocation, but any cmdlet name (the service also answers ones stagemig never sends). */
export interface SimInvocation {
  cmdlet: string;
  parameters: Record<string, WireValue>;
}

export interface InvokeOutcome {
  state: SimState;
  result: RunResult;
  /** False when the state is unchanged (a refusal with no fault counter to move). */
  changed: boolean;
}

type Handler = (state: SimState, params: Record<string, WireValue>) => string[];

const HANDLERS: Record<string, Handler> = {
  'new-migrationendpoint': newMigrationEndpoint,
  'set-migrationendpoint': setMigrationEndpoint,
  'remove-migrationendpoint': removeMigrationEndpoint,
  'new-migrationbatch': newMigrationBatch,
  'set-migrationbatch': setMigrationBatch,
  'start-migrationbatch': startMigrationBatch,
  'stop-migrationbatch': stopMigrationBatch,
  'remove-migrationbatch': removeMigrationBatch,
  'complete-migrationbatch': completeMigrationBatch,
  'remove-migrationuser': removeMigrationUser,
  'update-mguser': updateMgUser,
  'set-mguserlicense': setMgUserLicense,
};

export const notRecognized = (name: string): string =>
  `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.`;

/** Counts write calls while a write fault is armed; true when this call is the one that fails. */
function countWrite(state: SimState): boolean {
  const n = state.faults.failOnWriteCall;
  if (n === undefined || state.writeCalls >= n) return false;
  state.writeCalls += 1;
  return state.writeCalls === n;
}

/**
 * Runs one write cmdlet. Pure by default: `state` is untouched and the outcome holds the new state.
 * With `inPlace` the given state is changed directly when that is safe (no write fault armed); after
 * a refusal (`changed: false`) such a state may be half-changed and must be discarded, not saved.
 */
export function invokeCmdlet(state: SimState, invocation: SimInvocation, opts: { inPlace?: boolean } = {}): InvokeOutcome {
  const handler = HANDLERS[invocation.cmdlet.toLowerCase()];
  if (!handler) return { state, result: { ok: false, error: notRecognized(invocation.cmdlet) }, changed: false };
  const armed = state.faults.failOnWriteCall !== undefined && state.writeCalls < state.faults.failOnWriteCall;
  const next = opts.inPlace === true && !armed ? state : structuredClone(state);
  const fires = countWrite(next);
  const counterOnly = (): SimState => ({ ...state, writeCalls: next.writeCalls });
  if (fires) {
    return { state: counterOnly(), result: { ok: false, error: next.faults.message ?? T.throttled }, changed: true };
  }
  try {
    const warnings = handler(next, invocation.parameters);
    return { state: next, result: { ok: true, warnings }, changed: true };
  } catch (err) {
    if (!(err instanceof CmdletError)) throw err;
    return { state: armed ? counterOnly() : state, result: { ok: false, error: err.message }, changed: armed };
  }
}
