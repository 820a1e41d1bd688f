// Where each batch of the plan stands against its desired state while `apply --wait` waits. Pure.
// Must not: read the clock or the service (the live state comes in), or print.
import { batchAddress, nameKey, USER_STATUS_SUMMARY } from '../model/index.js';
import type { BatchStatus, DesiredBatchState, DesiredState, LiveBatch, LiveState, LiveUser } from '../model/index.js';

/** done: at its desired state; moving: the service or a later step gets it there; stuck: it cannot get there. */
export type BatchPhase = 'done' | 'moving' | 'stuck';

export interface BatchProgress {
  name: string;
  address: string;
  desiredState: DesiredBatchState;
  /** Live status; undefined when the service has no batch of this name. */
  status?: BatchStatus;
  phase: BatchPhase;
  total: number;
  synced: number;
  failed: number;
  active: number;
  pending: number;
  /** StartDateTime of the live batch, in ms. */
  startedAt?: number;
}

/** The statuses at which `apply --wait` stops waiting for a batch (started: the initial sync is over). */
const DONE: Record<'started' | 'stopped', ReadonlySet<BatchStatus>> = {
  started: new Set(['Synced', 'SyncedWithErrors']),
  stopped: new Set(['Created', 'Stopped', 'Synced', 'SyncedWithErrors']),
};

function phaseOf(state: DesiredBatchState, live: LiveBatch | undefined): BatchPhase {
  if (state === 'removed') return live === undefined ? 'done' : 'moving';
  if (live === undefined) return 'moving';
  if (live.status === 'Corrupted') return 'stuck';
  return DONE[state].has(live.status) ? 'done' : 'moving';
}

export function batchProgress(desired: DesiredState, live: LiveState): BatchProgress[] {
  const byName = new Map(live.batches.map((b) => [nameKey(b.name), b]));
  return desired.batches.map((b) => {
    const l = byName.get(nameKey(b.name));
    const p: BatchProgress = {
      name: l?.name ?? b.name,
      address: batchAddress(b.name),
      desiredState: b.state,
      phase: phaseOf(b.state, l),
      total: l?.totalCount ?? 0,
      synced: l?.syncedCount ?? 0,
      failed: l?.failedCount ?? 0,
      active: l?.activeCount ?? 0,
      pending: l?.pendingCount ?? 0,
    };
    if (l) p.status = l.status;
    const started = l?.startDateTime === undefined ? NaN : Date.parse(l.startDateTime);
    if (!Number.isNaN(started)) p.startedAt = started;
    return p;
  });
}

/** Failed mailboxes of the plan's batches that are meant to exist. */
export function failedMailboxes(desired: DesiredState, live: LiveState): LiveUser[] {
  const kept = new Set(desired.batches.filter((b) => b.state !== 'removed').map((b) => nameKey(b.name)));
  return live.users.filter((u) => kept.has(nameKey(u.batch)) && USER_STATUS_SUMMARY[u.status] === 'Failed');
}

/** A fingerprint of what matters for progress: statuses and counts (no times). */
export const progressKey = (progress: readonly BatchProgress[]): string =>
  progress.map((p) => `${p.address}:${p.status ?? '-'}:${p.total}:${p.synced}:${p.failed}:${p.active}:${p.pending}`).join('|');
