// What happens to a batch when the clock reaches its event: transient statuses end, a scheduled batch
// leaves Waiting at StartAfter, a declared corruption fires, and the retention rules apply (facts §6).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { settleIncrementalSyncs } from './incremental-syncs.js';
import { checkSynced, fill, release } from './progress.js';
import { isoSeconds, ms, type SimBatch } from './state.js';
import { batchDue, endpointKey, isBusy, queueFor, schedule, type World } from './world.js';

function dropBatch(w: World, b: SimBatch): void {
  w.deletedBatches.add(b);
  for (const u of w.usersOf.get(b) ?? []) w.deletedUsers.add(u);
}

/** Syncing starts: the batch's queued users take endpoint slots; a declared corruption is armed. */
function beginSyncing(w: World, b: SimBatch, at: number): void {
  b.status = 'Syncing';
  b.startDateTime ??= isoSeconds(at);
  const delay = w.state.faults.corruptBatches?.[b.name.toLowerCase()];
  if (delay !== undefined) b.corruptAt = isoSeconds(at + delay);
  const key = endpointKey(b);
  for (const u of w.usersOf.get(b) ?? []) if (u.status === 'Queued' && !u.pending) queueFor(w, key).push(u);
  fill(w, key, at);
  checkSynced(w, b, at);
  schedule(w, batchDue(b), { batch: b });
}

/** The batch turns Corrupted: unfinished users stop where they are (shown Corrupted); only Remove works now. */
function corrupt(w: World, b: SimBatch, at: number): void {
  delete b.corruptAt;
  delete b.transitionAt;
  if (w.state.faults.corruptBatches) delete w.state.faults.corruptBatches[b.name.toLowerCase()];
  b.status = 'Corrupted';
  const c = w.counts.get(b)!;
  for (const u of w.usersOf.get(b) ?? []) {
    if (!isBusy(u)) continue;
    const wasActive = u.status === 'Provisioning' || u.status === 'Syncing';
    u.status = 'Corrupted';
    c.busy -= 1;
    if (wasActive) release(w, u, b, at);
  }
}

export function onBatchEvent(w: World, b: SimBatch, at: number): void {
  if (b.corruptAt !== undefined && ms(b.corruptAt) <= at && b.status !== 'Removing') return corrupt(w, b, at);
  delete b.transitionAt;
  switch (b.status) {
    case 'Starting':
      if (b.startAfter !== undefined && ms(b.startAfter) > at) {
        b.status = 'Waiting';
        schedule(w, batchDue(b), { batch: b });
        return;
      }
      return beginSyncing(w, b, at);
    case 'Waiting':
      b.startDateTime = isoSeconds(at);
      return beginSyncing(w, b, at);
    case 'Stopping':
    case 'Synced':
      // A Synced batch left alone for 60 days is stopped: its daily syncs end here.
      if (b.status === 'Synced') settleIncrementalSyncs(w.usersOf.get(b) ?? [], at);
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
