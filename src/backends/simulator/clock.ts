// The simulated clock: an event-driven loop that jumps from event to event up to the target time.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { onBatchEvent } from './batch-events.js';
import { keepMailboxes } from './directory.js';
import { checkSynced, fill, onUserEvent } from './progress.js';
import { settleIncrementalSyncs } from './incremental-syncs.js';
import { isoSeconds, ms, type SimState } from './state.js';
import { batchDue, buildWorld, userDue } from './world.js';

/** Moves the clock forward by `byMs` milliseconds, mutating `state`. */
export function advanceInPlace(state: SimState, byMs: number): void {
  if (!Number.isFinite(byMs) || byMs < 0) throw new RangeError(`Cannot advance the clock by ${byMs} ms`);
  const start = ms(state.now);
  const target = start + byMs;
  const w = buildWorld(state);
  for (const e of state.endpoints) fill(w, e.name.toLowerCase(), start);
  for (const b of state.batches) checkSynced(w, b, start);
  for (let ev = w.events.peek(); ev !== undefined && ev.at <= target; ev = w.events.peek()) {
    w.events.pop();
    if (ev.batch && !w.deletedBatches.has(ev.batch) && batchDue(ev.batch) === ev.at) onBatchEvent(w, ev.batch, ev.at);
    if (ev.user && !w.deletedUsers.has(ev.user) && userDue(ev.user) === ev.at) onUserEvent(w, ev.user, ev.at);
  }
  for (const b of state.batches) if (b.status === 'Synced' && !w.deletedBatches.has(b)) settleIncrementalSyncs(w.usersOf.get(b) ?? [], target);
  state.now = isoSeconds(target);
  if (w.deletedUsers.size > 0) {
    keepMailboxes(state, [...w.deletedUsers].filter((u) => u.provisioned).map((u) => u.email));
    state.users = state.users.filter((u) => !w.deletedUsers.has(u));
  }
  if (w.deletedBatches.size > 0) state.batches = state.batches.filter((b) => !w.deletedBatches.has(b));
}

/** Pure variant: returns an advanced copy. */
export function advanceState(state: SimState, byMs: number): SimState {
  const copy = structuredClone(state);
  advanceInPlace(copy, byMs);
  return copy;
}

/** When the service next changes by itself (a transient status ends, a user finishes a phase, ...), if ever. */
export function nextEventAt(state: SimState): number | undefined {
  let next: number | undefined;
  const consider = (at: number | undefined): void => {
    if (at !== undefined && (next === undefined || at < next)) next = at;
  };
  for (const b of state.batches) consider(batchDue(b));
  for (const u of state.users) consider(userDue(u));
  return next;
}
