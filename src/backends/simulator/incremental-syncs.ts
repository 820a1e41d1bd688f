// Synced mailboxes of a Synced batch are synced again every day until the batch is stopped or removed
// (INCREMENTAL_SYNC_INTERVAL_MS, UNVERIFIED for staged): their LastSuccessfulSyncTime moves on, which is
// what the removal gate "synced after the conversion" waits for. Settled lazily, without an event per
// mailbox per day: when the clock stops and before a Synced batch changes status.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { INCREMENTAL_SYNC_INTERVAL_MS } from '../../model/sync-interval.js';
import { isoSeconds, ms, type SimUser } from './state.js';

/** Moves each Synced user's last sync to the latest daily sync at or before `at`. */
export function settleIncrementalSyncs(users: readonly SimUser[], at: number): void {
  for (const u of users) {
    if (u.status !== 'Synced' || u.lastSuccessfulSyncTime === undefined) continue;
    const last = ms(u.lastSuccessfulSyncTime);
    const ticks = Math.floor((at - last) / INCREMENTAL_SYNC_INTERVAL_MS);
    if (ticks > 0) u.lastSuccessfulSyncTime = isoSeconds(last + ticks * INCREMENTAL_SYNC_INTERVAL_MS);
  }
}
