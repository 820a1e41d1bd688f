// The incremental sync interval of Synced staged mailboxes (one constant, see below).
//
// Must not: do I/O or import from src/ folders other than diag/.
/**
 * How often the service syncs a Synced staged mailbox again, so that mail reaching the on-premises
 * mailbox is copied until the batch is deleted (facts §7.5). UNVERIFIED: the facts file also says staged
 * batches have no incremental sync. The removal gate waits for a sync after the conversion either way
 * (conservative: if none ever comes, the removal stays held and needs --allow-remove); the simulator
 * syncs at this interval, and the plan uses it only to estimate when the gate opens.
 */
export const INCREMENTAL_SYNC_INTERVAL_MS = 24 * 3_600_000;
