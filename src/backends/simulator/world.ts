// The clock's working view of the state: indexes, counters and the event queue for one advance.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { cloudDirectory, type CloudDirectory } from './directory.js';
import { MinHeap } from './heap.js';
import { mailboxFaults } from './mailbox-failures.js';
import { ms, type SimBatch, type SimMailboxFault, type SimState, type SimUser } from './state.js';
import { STOPPED_IDLE_REMOVE_MS, SYNCED_IDLE_STOP_MS } from './timing.js';

export interface ClockEvent {
  at: number;
  seq: number;
  batch?: SimBatch;
  user?: SimUser;
}

export interface BatchCounts {
  /** Users queued (not pending), provisioning or syncing. */
  busy: number;
  pending: number;
  /** Users synced or failed. */
  done: number;
}

export interface World {
  state: SimState;
  events: MinHeap<ClockEvent>;
  eventSeq: number;
  batchByName: Map<string, SimBatch>;
  usersOf: Map<SimBatch, SimUser[]>;
  counts: Map<SimBatch, BatchCounts>;
  /** Per endpoint (lower-case name): queued users of Syncing batches, oldest first. */
  queues: Map<string, MinHeap<SimUser>>;
  /** Per endpoint: users provisioning or syncing. */
  active: Map<string, number>;
  /** Users provisioning or syncing over all endpoints of the (one) Outlook Anywhere type. */
  typeActive: number;
  /** True when a user waited for a type-wide slot: a freed slot then serves every endpoint. */
  typeBlocked: boolean;
  failMailboxes: Map<string, string | SimMailboxFault>;
  /** Who holds each address in the cloud: provisioning fails when it is not a mail user. */
  directory: CloudDirectory;
  deletedUsers: Set<SimUser>;
  deletedBatches: Set<SimBatch>;
}

const ACTIVE = new Set(['Provisioning', 'Syncing']);
export const isBusy = (u: SimUser): boolean => !u.pending && (u.status === 'Queued' || ACTIVE.has(u.status));

/** When the batch next changes by itself: end of a transient status, StartAfter, retention, or corruption. */
export function batchDue(b: SimBatch): number | undefined {
  const own = statusDue(b);
  if (b.corruptAt === undefined || b.status === 'Removing' || b.status === 'Corrupted') return own;
  return own === undefined ? ms(b.corruptAt) : Math.min(own, ms(b.corruptAt));
}

function statusDue(b: SimBatch): number | undefined {
  if (b.status === 'Starting' || b.status === 'Stopping' || b.status === 'Removing') {
    return b.transitionAt === undefined ? undefined : ms(b.transitionAt);
  }
  if (b.status === 'Waiting') return b.startAfter === undefined ? undefined : ms(b.startAfter);
  if (b.status === 'Synced') return ms(b.lastActivityAt) + SYNCED_IDLE_STOP_MS;
  if (b.status === 'Stopped' || b.status === 'Failed') return ms(b.lastActivityAt) + STOPPED_IDLE_REMOVE_MS;
  return undefined;
}

export function userDue(u: SimUser): number | undefined {
  if (u.phaseEndsAt === undefined) return undefined;
  return ACTIVE.has(u.status) || u.status === 'Removing' ? ms(u.phaseEndsAt) : undefined;
}

export function schedule(w: World, at: number | undefined, target: { batch?: SimBatch; user?: SimUser }): void {
  if (at === undefined) return;
  w.eventSeq += 1;
  w.events.push({ at, seq: w.eventSeq, ...target });
}

export const endpointKey = (b: SimBatch): string => b.endpoint.toLowerCase();

export function queueFor(w: World, key: string): MinHeap<SimUser> {
  let q = w.queues.get(key);
  if (!q) w.queues.set(key, (q = new MinHeap<SimUser>((a, b) => a.queueSeq < b.queueSeq)));
  return q;
}

export function buildWorld(state: SimState): World {
  const w: World = {
    state,
    events: new MinHeap<ClockEvent>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq)),
    eventSeq: 0,
    batchByName: new Map(state.batches.map((b) => [b.name.toLowerCase(), b])),
    usersOf: new Map(state.batches.map((b) => [b, []])),
    counts: new Map(state.batches.map((b) => [b, { busy: 0, pending: 0, done: 0 }])),
    queues: new Map(),
    active: new Map(),
    typeActive: 0,
    typeBlocked: false,
    failMailboxes: mailboxFaults(state),
    directory: cloudDirectory(state),
    deletedUsers: new Set(),
    deletedBatches: new Set(),
  };
  for (const b of state.batches) schedule(w, batchDue(b), { batch: b });
  for (const u of state.users) {
    const b = w.batchByName.get(u.batch.toLowerCase());
    if (!b) continue;
    w.usersOf.get(b)!.push(u);
    const c = w.counts.get(b)!;
    if (isBusy(u)) c.busy += 1;
    if (u.pending) c.pending += 1;
    if (u.status === 'Synced' || u.status === 'Failed') c.done += 1;
    if (!u.pending && ACTIVE.has(u.status)) {
      w.active.set(endpointKey(b), (w.active.get(endpointKey(b)) ?? 0) + 1);
      w.typeActive += 1;
    }
    if (!u.pending && u.status === 'Queued' && b.status === 'Syncing') queueFor(w, endpointKey(b)).push(u);
    schedule(w, userDue(u), { user: u });
  }
  return w;
}
