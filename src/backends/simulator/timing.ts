// How long simulated things take. Per-mailbox durations are deterministic: derived from the address.
import { createHash } from 'node:crypto';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Transient batch statuses. */
export const BATCH_STARTING_MS = 2 * MINUTE;
export const BATCH_STOPPING_MS = 1 * MINUTE;
export const BATCH_REMOVING_MS = 3 * MINUTE;
/** Remove-MigrationUser: the user shows Removing, then disappears. */
export const USER_REMOVING_MS = 1 * MINUTE;
/** Retention (facts §6.5): Synced idle 60 days → Stopped; Stopped/Failed idle 90 days → removed. */
export const SYNCED_IDLE_STOP_MS = 60 * DAY;
export const STOPPED_IDLE_REMOVE_MS = 90 * DAY;

export const PROVISIONING_MIN_MS = 2 * MINUTE;
export const PROVISIONING_MAX_MS = 10 * MINUTE;
export const SYNC_MIN_MS = 20 * MINUTE;
export const SYNC_MAX_MS = 120 * MINUTE;

function hashInts(email: string): [number, number, number] {
  const h = createHash('sha256').update(email.toLowerCase()).digest();
  return [h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8)];
}

/** Whole seconds between min and max, chosen by the hash. */
function pick(n: number, min: number, max: number): number {
  const steps = (max - min) / 1000;
  return min + (n % (steps + 1)) * 1000;
}

export interface MailboxProfile {
  provisioningMs: number;
  syncMs: number;
  items: number;
  skipped: number;
}

export function mailboxProfile(email: string): MailboxProfile {
  const [a, b, c] = hashInts(email);
  return {
    provisioningMs: pick(a, PROVISIONING_MIN_MS, PROVISIONING_MAX_MS),
    syncMs: pick(b, SYNC_MIN_MS, SYNC_MAX_MS),
    items: 200 + (c % 19_801),
    skipped: c % 7 === 0 ? c % 5 : 0,
  };
}
