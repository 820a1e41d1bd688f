// Estimated time to finish, from the sync rate the service was seen to reach (never a constant).
// A tracker keeps recent readings per batch (and for the whole plan) and measures the rate over
// them; with a single reading, the rate since the batch started stands in.
// Must not: read the clock (each reading carries the service's time), print, or estimate from an assumed rate.

const HOUR = 3_600_000;
const STALLED_MS = 30 * 60_000;

export interface Estimate {
  /** Mailboxes finished (synced or failed) per hour, as observed. */
  perHour?: number;
  /** Milliseconds until every mailbox is finished at that rate; 0 when nothing is left. */
  etaMs?: number;
}

export interface Reading {
  /** The service's time of the reading, in ms. */
  at: number;
  /** Mailboxes finished so far (synced + failed). */
  done: number;
  total: number;
  /** When the batch started syncing (StartDateTime), in ms. */
  startedAt?: number;
}

/** From a rate: the ETA for what is left. */
export function estimateFrom(perHour: number | undefined, left: number): Estimate {
  if (left <= 0) return { ...(perHour !== undefined ? { perHour } : {}), etaMs: 0 };
  if (perHour === undefined || perHour <= 0) return perHour === undefined ? {} : { perHour };
  return { perHour, etaMs: Math.round((left / perHour) * HOUR) };
}

/** The rate since the batch started: the best guess from one reading. */
export function sinceStart(r: Reading): Estimate {
  const left = r.total - r.done;
  if (r.startedAt === undefined || r.at <= r.startedAt || r.done <= 0) return estimateFrom(undefined, left);
  return estimateFrom((r.done * HOUR) / (r.at - r.startedAt), left);
}

export interface EtaTracker {
  observe(key: string, reading: Reading): void;
  estimate(key: string): Estimate;
}

/** Readings older than `windowMs` before the newest are dropped (the rate follows the recent pace). */
export function createEtaTracker(windowMs = 2 * HOUR): EtaTracker {
  const seen = new Map<string, Reading[]>();
  return {
    observe(key, reading) {
      const list = seen.get(key) ?? [];
      // A batch that lost mailboxes (removed, re-created) starts its history again.
      const last = list.at(-1);
      const fresh = last !== undefined && (reading.done < last.done || reading.total !== last.total) ? [] : list;
      fresh.push(reading);
      while (fresh.length > 2 && reading.at - fresh[0]!.at > windowMs) fresh.shift();
      seen.set(key, fresh);
    },
    estimate(key) {
      const list = seen.get(key) ?? [];
      const last = list.at(-1);
      if (!last) return {};
      const first = list[0]!;
      const left = last.total - last.done;
      if (last.at > first.at && last.done > first.done) return estimateFrom(((last.done - first.done) * HOUR) / (last.at - first.at), left);
      // Nothing finished for half an hour or more while mailboxes are left: the pace is nil right now.
      if (left > 0 && last.at - first.at >= STALLED_MS) return { perHour: 0 };
      return sinceStart(last);
    },
  };
}
