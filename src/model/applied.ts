// What stagemig last applied: the baseline that tells drift (a change made outside stagemig) apart
// from a YAML edit. There is no state file (the live service is the state); this small snapshot only
// records, per resource, the attribute values stagemig itself last pushed to the service.
//
// Three-way comparison, per attribute: YAML (desired) · snapshot (last applied) · service (live).
//   live ≠ applied, YAML = applied  → drift (changed outside stagemig)
//   YAML ≠ applied                  → a YAML change
// The CLI keeps the snapshot in `.stagemig/<plan name>.applied.json` beside the plan YAML and writes
// it after each successful apply step; the planner receives it as a plain value.
//
// Must not: do I/O or import from src/ folders other than diag/.

export const APPLIED_FORMAT = 'stagemig-applied';
export const APPLIED_VERSION = 1;

/** Endpoint settings stagemig set (only those the YAML gave). */
export interface AppliedEndpoint {
  state: 'present' | 'removed';
  exchangeServer?: string;
  rpcProxyServer?: string;
  authentication?: string;
  username?: string;
  maxConcurrentMigrations?: number;
  maxConcurrentIncrementalSyncs?: number;
}

export interface AppliedBatch {
  state: 'started' | 'stopped' | 'removed';
  notificationEmails: string[];
  /** Member mailboxes, lower-cased and sorted (compact even for 2,000 mailboxes per batch). */
  users: string[];
}

export interface AppliedSnapshot {
  format: typeof APPLIED_FORMAT;
  version: typeof APPLIED_VERSION;
  /** Which migration service the snapshot describes (backend type and tenant or state file). */
  service: string;
  /** When it was last written (ISO-8601 UTC). */
  updatedAt: string;
  /** Keyed by resource name as written in the YAML. */
  endpoints: Record<string, AppliedEndpoint>;
  batches: Record<string, AppliedBatch>;
}

export function emptyApplied(service: string, updatedAt: string): AppliedSnapshot {
  return { format: APPLIED_FORMAT, version: APPLIED_VERSION, service, updatedAt, endpoints: {}, batches: {} };
}

/** Case-insensitive lookup (names compare case-insensitively in the service). */
export function appliedEntry<T>(entries: Record<string, T>, name: string): T | undefined {
  if (Object.hasOwn(entries, name)) return entries[name];
  const key = name.toLowerCase();
  for (const [k, v] of Object.entries(entries)) if (k.toLowerCase() === key) return v;
  return undefined;
}
