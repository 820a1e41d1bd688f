// Words shared by the status reports (markdown and HTML), from the status document.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { durationText } from '../../model/index.js';
import { shortUtc } from '../common/time-text.js';
import type { JsonBatchStatus, JsonEstimate, StatusDocument } from './status-json.js';

const n = (x: number): string => x.toLocaleString('en-US');

/** "ETA 2h10m (about 2026-11-26 06:50 UTC) at 28/h"; "no progress lately"; "" when nothing is left or nothing is known. */
export function estimateText(e: JsonEstimate | null): string {
  if (e === null) return '';
  if (e.eta_seconds === 0) return '';
  if (e.rate_per_hour === 0) return 'no progress lately';
  if (e.eta_seconds === null || e.rate_per_hour === null) return '';
  const at = e.finishes_at ? ` (about ${shortUtc(e.finishes_at)})` : '';
  return `ETA ${durationText(e.eta_seconds * 1000)}${at} at ${n(Math.round(e.rate_per_hour))}/h`;
}

/** Whole percent finished (synced or failed) of a batch's mailboxes. */
export function percentFinished(b: JsonBatchStatus): number {
  const c = b.counts;
  return c && c.total > 0 ? Math.floor(((c.synced + c.failed) * 100) / c.total) : 0;
}

export const statusWord = (b: JsonBatchStatus): string =>
  b.status ?? (b.desired_state === 'removed' ? 'removed' : 'not created');

export function headline(doc: StatusDocument): string {
  const t = doc.totals;
  const eta = estimateText(t.estimate);
  const pct = t.percent_synced === null ? '' : ` (${Math.floor(t.percent_synced)}%)`;
  return `${n(t.mailboxes)} mailboxes in ${n(t.batches)} batches: ${n(t.synced)} synced${pct}, ${n(t.failed)} failed, ` +
    `${n(t.active)} active, ${n(t.pending)} pending${eta ? `; ${eta}` : ''}.`;
}

export const observedLine = (doc: StatusDocument): string =>
  `${doc.backend.organization} (${doc.backend.type}) at ${shortUtc(doc.observed_at)}, from ${doc.plan_file}`;

export { n as num };
