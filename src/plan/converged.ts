// When a live batch counts as at its desired state (DESIGN §3), and the state an existing batch is in.
//
// Must not: do I/O; pure.
import { RUNNING_BATCH } from '../model/index.js';
import type { BatchStatus, LiveBatch } from '../model/index.js';

/** DESIGN §3: live statuses that count as converged for each desired batch state. */
export const CONVERGED: Record<'started' | 'stopped', ReadonlySet<BatchStatus>> = {
  started: new Set(['Starting', 'Syncing', 'Waiting', 'Synced', 'SyncedWithErrors']),
  stopped: new Set(['Created', 'Stopping', 'Stopped', 'Synced', 'SyncedWithErrors']),
};

/** True when a live batch (or its absence) matches a desired or applied batch state. */
export function statusMatches(state: 'started' | 'stopped' | 'removed', live: LiveBatch | undefined): boolean {
  if (state === 'removed') return live === undefined || live.status === 'Removing';
  return live !== undefined && CONVERGED[state].has(live.status);
}

/**
 * The YAML `state` that describes a live batch without asking for any lifecycle step: running (or
 * Synced with nothing pending) is `started`; anything else idle is `stopped`.
 */
export function stateOfLive(live: LiveBatch): 'started' | 'stopped' {
  if (RUNNING_BATCH.has(live.status)) return 'started';
  const synced = live.status === 'Synced' || live.status === 'SyncedWithErrors';
  return synced && live.pendingCount === 0 ? 'started' : 'stopped';
}
