// Progress as the views show it (heartbeat, bars, status reports): per batch and in total, with an
// estimate from the observed sync rate. Pure but for the readings its tracker remembers.
// Must not: read the clock or the service (each reading comes in with its time), or print.
import { createEtaTracker, type Estimate, type EtaTracker } from './eta.js';
import type { BatchProgress } from './wait-progress.js';

export interface ProgressRow {
  name: string;
  /** batch.NAME, or "total". */
  address: string;
  /** The live status, or why there is none ("not created", "removed"). */
  status: string;
  /** At its desired state. */
  done: boolean;
  total: number;
  synced: number;
  failed: number;
  active: number;
  pending: number;
  estimate: Estimate;
}

/** Whole percent of mailboxes finished (synced or failed). */
export const percentDone = (r: Pick<ProgressRow, 'total' | 'synced' | 'failed'>): number =>
  r.total > 0 ? Math.floor(((r.synced + r.failed) * 100) / r.total) : 0;

const TOTAL_KEY = '*';

export function statusOf(p: BatchProgress): string {
  if (p.status === undefined) return p.desiredState === 'removed' ? 'removed' : 'not created';
  return p.status;
}

/** Per batch and in total, with estimates. */
export interface Estimates {
  rows: ProgressRow[];
  total: ProgressRow;
}

export type ProgressEstimator = (progress: readonly BatchProgress[], at: number) => Estimates;

/** Follows readings over time (apply --wait, status --watch) and turns each into rows with estimates. */
export function createProgressRows(tracker: EtaTracker = createEtaTracker()): ProgressEstimator {
  return (progress, at) => {
    const rows = progress.map((p): ProgressRow => {
      const reading = { at, done: p.synced + p.failed, total: p.total, ...(p.startedAt !== undefined ? { startedAt: p.startedAt } : {}) };
      tracker.observe(p.address, reading);
      return {
        name: p.name, address: p.address, status: statusOf(p), done: p.phase === 'done', total: p.total, synced: p.synced, failed: p.failed,
        active: p.active, pending: p.pending, estimate: tracker.estimate(p.address),
      };
    });
    const sum = (k: 'total' | 'synced' | 'failed' | 'active' | 'pending') => rows.reduce((a, r) => a + r[k], 0);
    const starts = progress.map((p) => p.startedAt).filter((s): s is number => s !== undefined);
    tracker.observe(TOTAL_KEY, { at, done: sum('synced') + sum('failed'), total: sum('total'), ...(starts.length ? { startedAt: Math.min(...starts) } : {}) });
    const total: ProgressRow = {
      name: 'total', address: 'total', status: '', done: rows.every((r) => r.done), total: sum('total'), synced: sum('synced'), failed: sum('failed'),
      active: sum('active'), pending: sum('pending'), estimate: tracker.estimate(TOTAL_KEY),
    };
    return { rows, total };
  };
}
