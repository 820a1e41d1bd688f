// How long simulated things take. Per-mailbox figures are deterministic: derived from the address.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { createHash } from 'node:crypto';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MB = 1024 * 1024;

/** Transient batch statuses. */
export const BATCH_STARTING_MS = 2 * MINUTE;
export const BATCH_STOPPING_MS = 1 * MINUTE;
export const BATCH_REMOVING_MS = 3 * MINUTE;
/** Remove-MigrationUser: the user shows Removing, then disappears. */
export const USER_REMOVING_MS = 1 * MINUTE;
/** Retention (facts §6.5): Synced idle 60 days → Stopped; Stopped/Failed idle 90 days → removed. */
export const SYNCED_IDLE_STOP_MS = 60 * DAY;
export const STOPPED_IDLE_REMOVE_MS = 90 * DAY;

/** Provisioning (the mail user becomes a mailbox): a few minutes, whatever the size. */
export const PROVISIONING_MIN_MS = 2 * MINUTE;
export const PROVISIONING_MAX_MS = 10 * MINUTE;

/** Mailbox sizes: log-uniform between 40 MB and 2 GB (Exchange 2003/2007 quotas), so most are small. */
export const MAILBOX_MIN_BYTES = 40 * MB;
export const MAILBOX_MAX_BYTES = 2048 * MB;
/** Average item size: 40-120 KB, per mailbox. */
const ITEM_MIN_BYTES = 40 * 1024;
const ITEM_MAX_BYTES = 120 * 1024;
/** Initial sync over Outlook Anywhere: connection and folder set-up, then about 1.2 GB per hour per mailbox. */
export const SYNC_SETUP_MS = 10 * MINUTE;
export const SYNC_BYTES_PER_HOUR = 1.2 * 1024 * MB;
export const SYNC_MIN_MS = SYNC_SETUP_MS;
export const SYNC_MAX_MS = 120 * MINUTE;

function hashInts(email: string): [number, number, number, number] {
  const h = createHash('sha256').update(email.toLowerCase()).digest();
  return [h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8), h.readUInt32BE(12)];
}

/** Whole seconds between min and max, chosen by the hash. */
function pick(n: number, min: number, max: number): number {
  const steps = (max - min) / 1000;
  return min + (n % (steps + 1)) * 1000;
}

const unit = (n: number): number => n / 0x1_0000_0000;

export interface MailboxProfile {
  /** Mailbox size in bytes. */
  sizeBytes: number;
  /** Items the initial sync copies. */
  items: number;
  /** Further items the sync skips (corrupt or too large); most mailboxes have none. */
  skipped: number;
  provisioningMs: number;
  /** Initial sync: set-up plus size at the transfer rate, whole seconds. */
  syncMs: number;
}

export function mailboxProfile(email: string): MailboxProfile {
  const [a, b, c, d] = hashInts(email);
  const sizeBytes = Math.round(MAILBOX_MIN_BYTES * (MAILBOX_MAX_BYTES / MAILBOX_MIN_BYTES) ** unit(b));
  const itemBytes = ITEM_MIN_BYTES + unit(c) * (ITEM_MAX_BYTES - ITEM_MIN_BYTES);
  const items = Math.max(1, Math.round(sizeBytes / itemBytes));
  const transferMs = (sizeBytes / SYNC_BYTES_PER_HOUR) * 60 * MINUTE;
  const syncMs = Math.min(SYNC_MAX_MS, Math.max(SYNC_MIN_MS, Math.round((SYNC_SETUP_MS + transferMs) / 1000) * 1000));
  return {
    sizeBytes,
    items,
    skipped: d % 7 === 0 ? 1 + (d % 5) : d % 23 === 1 ? 20 + (d % 40) : 0,
    provisioningMs: pick(a, PROVISIONING_MIN_MS, PROVISIONING_MAX_MS),
    syncMs,
  };
}

/**
 * The data consistency score of a synced mailbox from its skipped items (facts §4.1: Perfect, Good,
 * Investigate, Poor; the service weighs item kinds, the simulator only counts them).
 */
export function consistencyScore(items: number, skipped: number): 'Perfect' | 'Good' | 'Investigate' | 'Poor' {
  if (skipped === 0) return 'Perfect';
  if (skipped <= 5) return 'Good';
  return skipped * 100 <= items + skipped ? 'Investigate' : 'Poor';
}
