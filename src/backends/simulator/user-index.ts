// The simulator's users by address, kept between the write cmdlets of one run: New-MigrationBatch k of
// an apply must not scan the users of the k-1 batches added before it (that made apply quadratic).
// An index belongs to one `state.users` array and is current while its length is the one indexed:
// users are only added through addUser (which indexes them) and removed by replacing the array
// (clock.ts), so a replaced or otherwise grown array is indexed afresh. Must not: cache what changes in
// place (a user's provisioned flag is read from the user when asked).
import { emailKey } from '../../model/email-key.js';
import type { SimState, SimUser } from './state.js';

export interface UserIndex {
  /** The user of each lower-cased address (the last one added, should two share it). */
  byLower: Map<string, SimUser>;
  /** Every user of each address key (emailKey: NFC, lower case, IDNA domain). */
  byKey: Map<string, SimUser[]>;
}

const indexes = new WeakMap<SimUser[], UserIndex & { size: number }>();

function add(index: UserIndex, user: SimUser): void {
  index.byLower.set(user.email.toLowerCase(), user);
  const key = emailKey(user.email);
  const same = index.byKey.get(key);
  if (same) same.push(user);
  else index.byKey.set(key, [user]);
}

export function userIndex(state: SimState): UserIndex {
  const current = indexes.get(state.users);
  if (current && current.size === state.users.length) return current;
  const index = { byLower: new Map<string, SimUser>(), byKey: new Map<string, SimUser[]>(), size: state.users.length };
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
