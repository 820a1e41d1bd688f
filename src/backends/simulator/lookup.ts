// Finding objects by identity (name or GUID, case-insensitive) and minting deterministic GUIDs.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { createHash } from 'node:crypto';
import { refuse } from './params.js';
import type { SimBatch, SimEndpoint, SimState, SimUser } from './state.js';
import { T } from './texts.js';
import { nameKey as key, userIndex } from './user-index.js';

export function findEndpoint(state: SimState, identity: string): SimEndpoint | undefined {
  const k = key(identity);
  return state.endpoints.find((e) => key(e.name) === k || e.guid === k);
}

export function findBatch(state: SimState, identity: string): SimBatch | undefined {
  const k = key(identity);
  return state.batches.find((b) => key(b.name) === k || b.guid === k);
}

/** The user of an address (any case); from the users index kept between cmdlets, not a scan. */
export function findUser(state: SimState, identity: string): SimUser | undefined {
  return userIndex(state).byLower.get(key(identity)); // addresses are stored trimmed (csv-service.ts)
}

export function requireEndpoint(state: SimState, identity: string): SimEndpoint {
  return findEndpoint(state, identity) ?? refuse(T.endpointNotFound(identity));
}

export function requireBatch(state: SimState, identity: string): SimBatch {
  return findBatch(state, identity) ?? refuse(T.batchNotFound(identity));
}

export const sameName = (a: string, b: string): boolean => key(a) === key(b);

/** A batch's users in the order of `state.users`, from the users index (read-only: do not change the list). */
export function usersOf(state: SimState, batch: SimBatch): readonly SimUser[] {
  return userIndex(state).byBatch.get(key(batch.name)) ?? [];
}

/** A GUID derived from a counter in the state, so the same commands give the same GUIDs. */
export function nextGuid(state: SimState, kind: string): string {
  state.seq += 1;
  const h = createHash('sha256').update(`${kind}:${state.seq}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function nextSeq(state: SimState): number {
  state.seq += 1;
  return state.seq;
}
