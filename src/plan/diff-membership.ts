// Which mailboxes to add to and remove from an existing batch, and which wait for another batch to let them go.
//
// Must not: do I/O or submit a migrated mailbox again (the service migrates a mailbox once); pure.
import { batchEmails, nameKey, plural } from '../model/index.js';
import type { DesiredBatch, LiveBatch, Step } from '../model/index.js';
import { APPENDABLE_BATCH, IDLE_BATCH } from '../model/index.js';
import { addUsersStep, removeUserStep } from './cmdlets.js';
import type { PlanContext } from './plan-context.js';
import type { MembershipChange, Move } from './plan.js';
import { unknownUsersNote } from './unknown-status.js';

export interface MembershipDiff {
  membership: MembershipChange;
  steps: Step[];
  notes: string[];
  /** True when an add-users step was planned (the batch must then be started again). */
  addsUsers: boolean;
  /** True when a note waits on the service (a removal finishing, a status passing). */
  waitsOnService: boolean;
  /** True when a note needs the admin's decision (it never changes by itself). */
  waitsOnAdmin: boolean;
  /** True when a note is about migration users whose status stagemig does not know. */
  unknownStatus: boolean;
}

/** Mailboxes of `b` that live in another batch (or are still being removed) wait for that removal. */
function waitNote(moves: Move[], ctx: PlanContext, batch: string): Array<{ note: string; service: boolean }> {
  const byBatch = new Map<string, number>();
  for (const m of moves) byBatch.set(m.batch, (byBatch.get(m.batch) ?? 0) + 1);
  return [...byBatch].map(([from, n]) => {
    if (nameKey(from) === nameKey(batch)) return { note: `${plural(n, 'mailbox', 'mailboxes')} still being removed from this batch; added again once removal finishes.`, service: true };
    if (ctx.unknownBatches.has(nameKey(from))) {
      return { note: `${plural(n, 'mailbox', 'mailboxes')} belong to batch ${from}, whose status stagemig does not know: nothing is planned for them until it shows a known status.`, service: false };
    }
    const managed = ctx.desiredBatches.has(nameKey(from));
    return managed
      ? { note: `${plural(n, 'mailbox', 'mailboxes')} moving in from batch ${from}: added once the removal there finishes (run apply again).`, service: true }
      : { note: `${plural(n, 'mailbox', 'mailboxes')} belong to unmanaged batch ${from}: remove them there first; stagemig leaves that batch alone.`, service: false };
  });
}

/** Never migrate a mailbox twice (DESIGN §3): what the plan says about mailboxes it leaves alone. */
export function alreadyMigratedNote(n: number): string {
  return `${plural(n, 'mailbox', 'mailboxes')} ${n === 1 ? 'is' : 'are'} already migrated (a cloud mailbox exists): not submitted again, since the service migrates a mailbox only once. ` +
    'Keep them in the CSV of the batch that migrated them, or drop them from this CSV; nothing is sent for them.';
}

/** Listed in this CSV, migrated before, no migration record left anywhere: nothing is sent and nothing waits. */
export const migratedBeforeNote = (n: number): string =>
  `${plural(n, 'mailbox', 'mailboxes')} of this CSV ${n === 1 ? 'was' : 'were'} migrated before and ${n === 1 ? 'its migration record is' : 'their migration records are'} gone (the cloud mailbox stays): nothing is sent for ${n === 1 ? 'it' : 'them'}, and nothing waits.`;

export const removeMigratedNote = (n: number): string =>
  `Remove-MigrationUser on ${plural(n, 'migrated mailbox', 'migrated mailboxes')} removes only the migration record; the cloud mailbox and the mail forwarding stay.`;

/** Users to add to and remove from an existing batch (DESIGN §3, facts §6.3). */
export function diffMembership(b: DesiredBatch, live: LiveBatch, ctx: PlanContext): MembershipDiff {
  const key = nameKey(b.name);
  const members = ctx.liveUsersByBatch.get(key) ?? [];
  const keys = ctx.keysOf(b);
  const wanted = new Set(keys);
  const membership: MembershipChange = { added: [], removed: [], movedIn: [], movedOut: [] };
  const steps: Step[] = [];
  const notes: string[] = [];
  let waitsOnService = false;
  let waitsOnAdmin = false;

  const leaving = members.filter((m) => m.user.status !== 'Removing' && !wanted.has(m.key));
  const removing: string[] = [];
  let stays = 0;
  let migratedRemoved = 0;
  for (const { key: k, user: u } of leaving) {
    const to = ctx.desiredBatchOf(k);
    // A migrated mailbox that the YAML moves to another batch keeps its record here: it cannot move.
    if (to && ctx.migrated(k)) {
      stays += 1;
      continue;
    }
    if (to) membership.movedOut.push({ email: u.email, batch: to.name });
    else membership.removed.push(u.email);
    if (ctx.migrated(k)) migratedRemoved += 1;
    // A record of an address that has several is named by its identity (address/MailboxGuid).
    removing.push(u.identity ?? u.email);
  }
  if (stays > 0) {
    notes.push(`${alreadyMigratedNote(stays)} (They are listed in another batch's CSV and stay in this one.)`);
    waitsOnAdmin = true;
  }
  if (removing.length > 0) {
    if (IDLE_BATCH.has(live.status)) {
      for (const email of removing) steps.push(removeUserStep(b.name, email));
      if (migratedRemoved > 0) notes.push(removeMigratedNote(migratedRemoved));
    } else {
      notes.push(`${plural(removing.length, 'mailbox', 'mailboxes')} cannot be removed while the batch is ${live.status}; Remove-MigrationUser waits until it is Synced or Stopped.`);
      waitsOnService = true;
    }
  }

  const addable: string[] = [];
  const blocked: Move[] = [];
  let migrated = 0;
  let migratedDone = 0;
  let unknown = 0;
  batchEmails(b).forEach((email, i) => {
    const k = keys[i]!;
    const current = ctx.liveUserByEmail.get(k);
    if (current && nameKey(current.batch) === key && current.status !== 'Removing') return;
    if (ctx.unknownUsers.has(k)) unknown += 1;
    // Migrated with a record in another batch: the YAML asks for a move that cannot happen (a decision).
    // Migrated with no record left (its batch was removed): nothing to do for it, ever.
    else if (ctx.migrated(k)) {
      if (current && nameKey(current.batch) !== key) migrated += 1;
      else migratedDone += 1;
    }
    else if (current) blocked.push({ email, batch: current.batch });
    else addable.push(email);
  });
  membership.added = addable;
  membership.movedIn = blocked.filter((m) => nameKey(m.batch) !== key);
  for (const w of waitNote(blocked, ctx, b.name)) {
    notes.push(w.note);
    waitsOnService ||= w.service;
  }
  if (migrated > 0) {
    notes.push(alreadyMigratedNote(migrated));
    waitsOnAdmin = true;
  }
  if (migratedDone > 0) notes.push(migratedBeforeNote(migratedDone));
  if (unknown > 0) notes.push(unknownUsersNote(unknown));
  let addsUsers = false;
  if (addable.length > 0) {
    if (APPENDABLE_BATCH.has(live.status)) {
      steps.push(addUsersStep(b, addable));
      addsUsers = true;
    } else if (live.status !== 'Created') {
      notes.push(`${plural(addable.length, 'mailbox', 'mailboxes')} cannot be added while the batch is ${live.status}; Set-MigrationBatch -AddUsers waits until it is Synced or Stopped.`);
      waitsOnService = true;
    }
  }
  return { membership, steps, notes, addsUsers, waitsOnService, waitsOnAdmin, unknownStatus: unknown > 0 };
}

export const hasMembershipChange = (m: MembershipChange): boolean =>
  m.added.length + m.removed.length + m.movedIn.length + m.movedOut.length > 0;
