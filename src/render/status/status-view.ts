// The `stagemig status` view model: the plan's batches and their mailboxes as the service shows them,
// measured at the service's time. Pure; the human and JSON views render it.
// Must not: read the clock or the service (`now` is the service's time, passed in), or print.
import type { Estimate } from '../../apply/eta.js';
import { batchAddress, nameKey, USER_STATUS_SUMMARY } from '../../model/index.js';
import type { BatchStatus, DesiredBatchState, DesiredState, LiveBatch, LiveState, LiveUser } from '../../model/index.js';

export interface BatchStatusView {
  name: string;
  address: string;
  desiredState: DesiredBatchState;
  /** The live batch, or undefined when the service has none of this name. */
  live?: LiveBatch;
  /** Synced mailboxes as a percentage of the batch's mailboxes (undefined for an empty or absent batch). */
  percentSynced?: number;
  /** Milliseconds since StartDateTime, at the service's time. */
  elapsedMs?: number;
  /** Milliseconds until StartAfter, while the batch waits for it. */
  startsInMs?: number;
  /** From the observed sync rate. */
  estimate: Estimate;
  /** What keeps it from its desired state, when that is not simply syncing. */
  waitingFor?: string;
}

export type UserScope = 'failed' | 'all' | 'batch';

export interface StatusView {
  /** The service's time (the simulated clock on the simulator). */
  observedAt: Date;
  batches: BatchStatusView[];
  /** Mailboxes listed: every one of the shown batches (--users, --batch), else only the failed ones. */
  users: LiveUser[];
  userScope: UserScope;
  failed: LiveUser[];
  totals: { mailboxes: number; synced: number; failed: number; active: number; pending: number; stopped: number };
  unmanaged: Array<{ address: string; status: BatchStatus; mailboxes: number }>;
  /** For all shown batches together. */
  totalEstimate: Estimate;
}

/** Estimates by batch address (and for the total), from the observed sync rates. */
export interface StatusEstimates {
  byAddress: ReadonlyMap<string, Estimate>;
  total: Estimate;
}

const NO_ESTIMATES: StatusEstimates = { byAddress: new Map(), total: {} };

const STARTABLE: ReadonlySet<BatchStatus> = new Set(['Created', 'Stopped', 'Failed']);

/** Why a batch is not at its desired state yet, beyond syncing (null: it is there, or it is syncing). */
function waitingFor(state: DesiredBatchState, live: LiveBatch | undefined): string | undefined {
  if (state === 'removed') return live ? 'removal: run stagemig plan to see what it waits for' : undefined;
  if (!live) return 'not created yet: stagemig apply creates it';
  if (live.status === 'Waiting' && live.startAfter !== undefined) return `scheduled: starts at ${live.startAfter}`;
  if (state === 'started' && STARTABLE.has(live.status)) return `${live.status}: stagemig apply starts it`;
  if (state === 'stopped' && !['Syncing', 'Starting', 'Stopping'].includes(live.status)) return 'held: state is stopped in the plan';
  if (live.pendingCount > 0) return `${live.pendingCount.toLocaleString('en-US')} added mailboxes wait for Start-MigrationBatch (stagemig apply)`;
  if (live.status === 'Corrupted') return 'Corrupted: only removal is possible (state: removed)';
  return undefined;
}

export const isFailed = (u: LiveUser): boolean => USER_STATUS_SUMMARY[u.status] === 'Failed';

function batchView(name: string, desiredState: DesiredBatchState, live: LiveBatch | undefined, now: number, estimates: StatusEstimates): BatchStatusView {
  const address = batchAddress(name);
  const view: BatchStatusView = { name: live?.name ?? name, address, desiredState, estimate: estimates.byAddress.get(address) ?? {} };
  const waits = waitingFor(desiredState, live);
  if (waits !== undefined) view.waitingFor = waits;
  if (!live) return view;
  view.live = live;
  if (live.totalCount > 0) view.percentSynced = Math.floor((live.syncedCount * 1000) / live.totalCount) / 10;
  if (live.startDateTime !== undefined) view.elapsedMs = Math.max(0, now - Date.parse(live.startDateTime));
  if (live.status === 'Waiting' && live.startAfter !== undefined) view.startsInMs = Math.max(0, Date.parse(live.startAfter) - now);
  return view;
}

/** `onlyBatch` (a name from the plan, already checked) limits the view to that batch and lists all its mailboxes. */
export function buildStatusView(
  desired: DesiredState,
  live: LiveState,
  opts: { now: Date; allUsers: boolean; onlyBatch?: string; estimates?: StatusEstimates },
): StatusView {
  const liveByName = new Map(live.batches.map((b) => [nameKey(b.name), b]));
  const wanted = desired.batches.filter((b) => opts.onlyBatch === undefined || nameKey(b.name) === nameKey(opts.onlyBatch));
  const shown = new Set(wanted.map((b) => nameKey(b.name)));
  const estimates = opts.estimates ?? NO_ESTIMATES;
  const batches = wanted.map((b) => batchView(b.name, b.state, liveByName.get(nameKey(b.name)), opts.now.getTime(), estimates));
  const members = live.users.filter((u) => shown.has(nameKey(u.batch)));
  const failed = members.filter(isFailed);
  const userScope: UserScope = opts.onlyBatch !== undefined ? 'batch' : opts.allUsers ? 'all' : 'failed';
  const totals = { mailboxes: 0, synced: 0, failed: 0, active: 0, pending: 0, stopped: 0 };
  for (const b of batches) {
    if (!b.live) continue;
    totals.mailboxes += b.live.totalCount;
    totals.synced += b.live.syncedCount;
    totals.failed += b.live.failedCount;
    totals.active += b.live.activeCount;
    totals.pending += b.live.pendingCount;
    totals.stopped += b.live.stoppedCount;
  }
  const managed = new Set(desired.batches.map((b) => nameKey(b.name)));
  const unmanaged = opts.onlyBatch !== undefined ? [] : live.batches
    .filter((b) => !managed.has(nameKey(b.name)))
    .map((b) => ({ address: batchAddress(b.name), status: b.status, mailboxes: b.totalCount }));
  return { observedAt: opts.now, batches, users: userScope === 'failed' ? failed : members, userScope, failed, totals, unmanaged, totalEstimate: estimates.total };
}
