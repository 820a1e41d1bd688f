// What happens when the clock reaches an event: users move Queued → Provisioning → Syncing → Synced
// (or Failed), at most MaxConcurrentMigrations active per endpoint; batches leave transient statuses.
import { isoSeconds, type SimBatch, type SimUser } from './state.js';
import { mailboxProfile } from './timing.js';
import {
  batchDue, endpointKey, queueFor, schedule, userDue, type World,
} from './world.js';

const batchOf = (w: World, u: SimUser): SimBatch | undefined => w.batchByName.get(u.batch.toLowerCase());

function maxActive(w: World, key: string): number {
  const e = w.state.endpoints.find((x) => x.name.toLowerCase() === key);
  return e?.maxConcurrentMigrations ?? 20;
}

/** Gives free endpoint slots to the oldest queued users. */
export function fill(w: World, key: string, at: number): void {
  const queue = queueFor(w, key);
  const max = maxActive(w, key);
  let active = w.active.get(key) ?? 0;
  while (active < max && queue.size > 0) {
    const u = queue.pop()!;
    if (w.deletedUsers.has(u) || u.status !== 'Queued' || u.pending || batchOf(w, u)?.status !== 'Syncing') continue;
    const profile = mailboxProfile(u.email);
    u.status = u.provisioned ? 'Syncing' : 'Provisioning';
    u.phaseStartedAt = isoSeconds(at);
    u.phaseEndsAt = isoSeconds(at + (u.provisioned ? profile.syncMs : profile.provisioningMs));
    schedule(w, userDue(u), { user: u });
    active += 1;
  }
  w.active.set(key, active);
}

/** Staged batches end at Synced (shown SyncedWithErrors with failures) once nobody is left to sync. */
export function checkSynced(w: World, b: SimBatch, at: number): void {
  const c = w.counts.get(b)!;
  if (b.status !== 'Syncing' || c.busy > 0 || c.pending > 0 || c.done === 0) return;
  b.status = 'Synced';
  b.initialSyncDateTime ??= isoSeconds(at);
  b.lastSyncedDateTime = isoSeconds(at);
  b.lastActivityAt = isoSeconds(at);
  schedule(w, batchDue(b), { batch: b });
}

function finish(w: World, u: SimUser, b: SimBatch, at: number): void {
  delete u.phaseEndsAt;
  delete u.phaseStartedAt;
  const c = w.counts.get(b)!;
  c.busy -= 1;
  c.done += 1;
  const key = endpointKey(b);
  w.active.set(key, (w.active.get(key) ?? 1) - 1);
  fill(w, key, at);
  checkSynced(w, b, at);
}

export function onUserEvent(w: World, u: SimUser, at: number): void {
  const b = batchOf(w, u);
  if (!b || u.status === 'Removing') {
    w.deletedUsers.add(u);
    return;
  }
  const profile = mailboxProfile(u.email);
  if (u.status === 'Provisioning') {
    const failure = w.failMailboxes.get(u.email.toLowerCase());
    if (failure !== undefined) {
      u.status = 'Failed';
      u.errorSummary = failure;
      finish(w, u, b, at);
      return;
    }
    u.provisioned = true;
    u.status = 'Syncing';
    u.phaseStartedAt = isoSeconds(at);
    u.phaseEndsAt = isoSeconds(at + profile.syncMs);
    schedule(w, userDue(u), { user: u });
    return;
  }
  u.status = 'Synced';
  u.syncedItemCount = profile.items;
  u.skippedItemCount = profile.skipped;
  u.lastSuccessfulSyncTime = isoSeconds(at);
  finish(w, u, b, at);
}

function dropBatch(w: World, b: SimBatch): void {
  w.deletedBatches.add(b);
  for (const u of w.usersOf.get(b) ?? []) w.deletedUsers.add(u);
}

export function onBatchEvent(w: World, b: SimBatch, at: number): void {
  delete b.transitionAt;
  switch (b.status) {
    case 'Starting': {
      b.status = 'Syncing';
      const key = endpointKey(b);
      for (const u of w.usersOf.get(b) ?? []) if (u.status === 'Queued' && !u.pending) queueFor(w, key).push(u);
      fill(w, key, at);
      checkSynced(w, b, at);
      return;
    }
    case 'Stopping':
    case 'Synced':
      for (const u of w.usersOf.get(b) ?? []) if (u.status === 'Stopping') u.status = 'Stopped';
      b.status = 'Stopped';
      b.lastActivityAt = isoSeconds(at);
      schedule(w, batchDue(b), { batch: b });
      return;
    case 'Removing':
    case 'Stopped':
    case 'Failed':
      dropBatch(w, b);
      return;
    default:
      return;
  }
}
