// The journey part of the `status` JSON document (snake_case like the rest of it).
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { LicensesNotRead } from '../../operations/licensing-read.js';
import type { Journey, JourneyPhase } from '../../operations/status/journey.js';

export interface JourneyJson {
  batches: Array<{ name: string; phase: JourneyPhase; next: string; waiting_for: string | null }>;
  licenses: { unlicensed: number; alerts: Array<{ email: string; batch: string; day: number; severity: 'warning' | 'failed' }> } | null;
  /** Why `licenses` is null. */
  licenses_not_read: LicensesNotRead | null;
  all_removed: boolean;
  post_migration: Array<{ step: string; state: 'done' | 'to do' | 'unknown'; detail: string }> | null;
}

export function toJourneyJson(j: Journey): JourneyJson {
  return {
    batches: j.batches.map((b) => ({ name: b.name, phase: b.phase, next: b.next, waiting_for: b.waitingFor ?? null })),
    licenses: j.licenses ? { unlicensed: j.licenses.unlicensed, alerts: j.licenses.alerts.map((a) => ({ ...a })) } : null,
    licenses_not_read: j.licenses ? null : (j.licensesNotRead ?? 'no-graph'),
    all_removed: j.allRemoved,
    post_migration: j.post ? j.post.map((p) => ({ ...p })) : null,
  };
}
