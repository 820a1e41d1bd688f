// What happens to users when the clock reaches an event: Queued → Provisioning → Syncing → Synced (or
// Failed), at most MaxConcurrentMigrations active per endpoint and 300 per endpoint type (facts §7.4).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { activeFault, FAILURE_KINDS, SYNC_FAILURE_FRACTION } from './mailbox-failures.js';
import { isoSeconds, type SimBatch, type SimUser } from './state.js';
import { mailboxProfile } from './timing.js';
import {
  batchDue, endpointKey, queueFor, schedule, userDue, type World,
} from './world.js';

/** Concurrent migrations allowed per endpoint type (the sum of the endpoints' MaxConcurrentMigrations). */
export const TYPE_ACTIVE_LIMIT = 300;

export const batchOf = (w: World, u: SimUser): SimBatch | undefined => w.batchByName.get(u.batch.toLowerCase());

function maxActive(w: World, key: string): number {
  const e = w.state.endpoints.find((x) => x.name.toLowerCase() === key);
  return e?.maxConcurrentMigrations ?? 20;
}

/** Gives free endpoint slots (within the type-wide limit) to the oldest queued users. */
export function fill(w: World, key: string, at: number): void {
  const queue = queueFor(w, key);
  const max = maxActive(w, key);
  let active = w.active.get(key) ?? 0;
  while (active < max && queue.size > 0) {
    if (w.typeActive >= TYPE_ACTIVE_LIMIT) {
      w.typeBlocked = true;
      break;
    }
    const u = queue.pop()!;
    if (w.deletedUsers.has(u) || u.status !== 'Queued' || u.pending || batchOf(w, u)?.status !== 'Syncing') continue;
    const profile = mailboxProfile(u.email);
    if (u.provisioned) beginSync(w, u, at);
    else {
      u.status = 'Provisioning';
      u.phaseStartedAt = isoSeconds(at);
      u.phaseEndsAt = isoSeconds(at + profile.provisioningMs);
      schedule(w, userDue(u), { user: u });
    }
    active += 1;
    w.typeActive += 1;
  }
  w.active.set(key, active);
}

/** Fills every endpoint: after a type-wide slot was freed. */
export function fillAll(w: World, at: number): void {
  w.typeBlocked = false;
  for (const e of w.state.endpoints) fill(w, e.name.toLowerCase(), at);
}

/** Staged batches end at Synced (shown SyncedWithErrors with failures) once nobody is left to sync. */
export function checkSynced(w: World, b: SimBatch, at: number): void {
  const c = w.counts.get(b)!;
  if (b.status !== 'Syncing' || c.busy > 0 || c.pending > 0 || c.done === 0) return;
  b.status = 'Synced';
  delete b.corruptAt;
  b.initialSyncDateTime ??= isoSeconds(at);
  b.lastSyncedDateTime = isoSeconds(at);
  b.lastActivityAt = isoSeconds(at);
  schedule(w, batchDue(b), { batch: b });
}

/** A user leaves its endpoint slot (synced, failed or cut short); the slot goes to the next in line. */
export function release(w: World, u: SimUser, b: SimBatch, at: number): void {
  delete u.phaseEndsAt;
  delete u.phaseStartedAt;
  const key = endpointKey(b);
  w.active.set(key, (w.active.get(key) ?? 1) - 1);
  w.typeActive -= 1;
  if (w.typeBlocked) fillAll(w, at);
  else fill(w, key, at);
}

function finish(w: World, u: SimUser, b: SimBatch, at: number): void {
  const c = w.counts.get(b)!;
  c.busy -= 1;
  c.done += 1;
  release(w, u, b, at);
  checkSynced(w, b, at);
}

function beginSync(w: World, u: SimUser, at: number): void {
  const { syncMs } = mailboxProfile(u.email);
  u.status = 'Syncing';
  u.phaseStartedAt = isoSeconds(at);
  const failing = activeFault(w.failMailboxes, u, 'sync') !== undefined;
  u.phaseEndsAt = isoSeconds(at + (failing ? Math.round((syncMs * SYNC_FAILURE_FRACTION) / 1000) * 1000 : syncMs));
  schedule(w, userDue(u), { user: u });
}

function fail(w: World, u: SimUser, b: SimBatch, at: number, summary: string, items: number): void {
  u.status = 'Failed';
  u.errorSummary = summary;
  u.failures = (u.failures ?? 0) + 1;
  u.syncedItemCount = items;
  finish(w, u, b, at);
}

export function onUserEvent(w: World, u: SimUser, at: number): void {
  const b = batchOf(w, u);
  if (!b || u.status === 'Removing') {
    w.deletedUsers.add(u);
    return;
  }
  const profile = mailboxProfile(u.email);
  if (u.status === 'Provisioning') {
    // The service converts the mail user that directory sync created; anything else fails (facts §7.1, §8.7).
    const held = w.directory.kind(u.email);
    if (held === 'missing') return fail(w, u, b, at, FAILURE_KINDS.recipientNotFound!.summary(u.email), 0);
    if (held === 'contact' || held === 'group') return fail(w, u, b, at, FAILURE_KINDS.objectTypeConflict!.summary(u.email), 0);
    const fault = activeFault(w.failMailboxes, u, 'provisioning');
    if (fault) return fail(w, u, b, at, fault.errorSummary, 0);
    u.provisioned = true;
    beginSync(w, u, at);
    return;
  }
  const fault = activeFault(w.failMailboxes, u, 'sync');
  if (fault) return fail(w, u, b, at, fault.errorSummary, Math.floor(profile.items * SYNC_FAILURE_FRACTION));
  u.status = 'Synced';
  u.syncedItemCount = profile.items;
  u.skippedItemCount = profile.skipped;
  u.lastSuccessfulSyncTime = isoSeconds(at);
  finish(w, u, b, at);
}
