// The simulator's users by address, kept between the write cmdlets of one run: New-MigrationBatch k of
// an apply must not scan the users of the k-1 batches added before it (that made apply quadratic).
// Remove-MigrationUser finds its user and Start-MigrationBatch (and the other batch cmdlets) a batch's
// users here too: a scan per call made many per-mailbox removals or many starts quadratic.
// An index belongs to one `state.users` array and is current while its length is the one indexed:
// users are only added through addUser (which indexes them) and removed by replacing the array
// (clock.ts), so a replaced or otherwise grown array is indexed afresh. A user's address and batch never
// change in place. Must not: cache what does change in place (a user's provisioned flag or status is
// read from the user when asked).
import { emailKey } from '../../model/email-key.js';
import type { SimState, SimUser } from './state.js';

export interface UserIndex {
  /** The user of each lower-cased address (the last one added, should two share it). */
  byLower: Map<string, SimUser>;
  /** Every user of each address key (emailKey: NFC, lower case, IDNA domain). */
  byKey: Map<string, SimUser[]>;
  /** Every user of each batch, by the batch's trimmed lower-cased name, in the order of `state.users`. */
  byBatch: Map<string, SimUser[]>;
}

/** How identities and batch names are compared (lookup.ts): trimmed, lower case. */
export const nameKey = (s: string): string => s.trim().toLowerCase();

const pushTo = (map: Map<string, SimUser[]>, key: string, user: SimUser): void => {
  const same = map.get(key);
  if (same) same.push(user);
  else map.set(key, [user]);
};

const indexes = new WeakMap<SimUser[], UserIndex & { size: number }>();

function add(index: UserIndex, user: SimUser): void {
  index.byLower.set(user.email.toLowerCase(), user);
  pushTo(index.byKey, emailKey(user.email), user);
  pushTo(index.byBatch, nameKey(user.batch), user);
}

export function userIndex(state: SimState): UserIndex {
  const current = indexes.get(state.users);
  if (current && current.size === state.users.length) return current;
  const index = { byLower: new Map<string, SimUser>(), byKey: new Map<string, SimUser[]>(), byBatch: new Map<string, SimUser[]>(), size: state.users.length };
  for (const u of state.users) add(index, u);
  indexes.set(state.users, index);
  return index;
}

/** Appends a user to the state, keeping the index current. */
export function addUser(state: SimState, user: SimUser): void {
  const index = userIndex(state);
  state.users.push(user);
  add(index, user);
  indexes.get(state.users)!.size = state.users.length;
}
