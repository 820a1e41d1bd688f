// Progress as one line per reading, for logs nobody watches (CI, a ticket): the heartbeat that
// `apply --wait` and `status --watch` print off a terminal. Pure.
// Must not: read the service or the clock (each reading carries its time), print, or show a name without termText.
import type { Estimate } from '../../apply/eta.js';
import { percentDone, type ProgressRow } from '../../apply/progress-rows.js';
import { count, durationText } from '../../model/index.js';
import { shortUtc } from '../common/time-text.js';
import { termText } from '../common/safe-text.js';

const n = count;

/** "ETA 2h10m at 900/h", "stalled", "ETA unknown", or "" when nothing is left. */
export function etaText(e: Estimate, left: number): string {
  if (left <= 0) return '';
  if (e.perHour === 0) return 'no progress lately';
  if (e.etaMs === undefined || e.perHour === undefined) return 'ETA unknown';
  return `ETA ${durationText(e.etaMs)} at ${n(Math.round(e.perHour))}/h`;
}

/** Batches listed by name in a heartbeat; the rest are counted. */
const LISTED = 8;

function batchPart(row: ProgressRow): string {
  const r = { ...row, name: termText(row.name) };
  if (r.done && r.total > 0 && r.synced + r.failed >= r.total) return `${r.name} ${percentDone(r)}%${r.failed ? ` (${n(r.failed)} failed)` : ''}`;
  if (r.total === 0) return `${r.name} ${r.status}`;
  const eta = etaText(r.estimate, r.total - r.synced - r.failed);
  return `${r.name} ${percentDone(r)}% ${r.status} ${n(r.synced)}/${n(r.total)}${r.failed ? ` ${n(r.failed)} failed` : ''}${eta ? `, ${eta}` : ''}`;
}

/** "2026-03-01 10:00 UTC  progress: 45% (2,700 synced, 3 failed of 6,000; 120 active) ETA 3h40m at 900/h | W1 100% | W2 45% Syncing …". */
export function heartbeatLine(at: number, total: ProgressRow, batches: readonly ProgressRow[]): string {
  const left = total.total - total.synced - total.failed;
  const eta = etaText(total.estimate, left);
  const head = `${shortUtc(new Date(at))}  progress: ${percentDone(total)}% (${n(total.synced)} synced, ${n(total.failed)} failed of ${n(total.total)}; ` +
    `${n(total.active)} active, ${n(total.pending)} pending)${eta ? ` ${eta}` : ''}`;
  // Batches still moving first (they are what a reader looks for), then the finished ones.
  const ordered = [...batches.filter((b) => !b.done), ...batches.filter((b) => b.done)];
  const parts = ordered.slice(0, LISTED).map(batchPart);
  if (ordered.length > LISTED) {
    const rest = ordered.slice(LISTED);
    parts.push(`${rest.length} more (${rest.filter((b) => b.done).length} at their state)`);
  }
  return [head, ...parts].join(' | ');
}
