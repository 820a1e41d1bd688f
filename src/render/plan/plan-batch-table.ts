// The per-batch table the terminal plan leads with: one row per batch that changes.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { count } from '../../model/index.js';
import type { JsonResourceChange, PlanDocument } from './json-plan-types.js';
import { noOpWord } from './json-plan-types.js';
import { termText } from '../common/safe-text.js';

const n = count;

/** create, create+start, update+start, stop, remove, replace, waiting; "(drift)" when only drift is undone. */
export function actionWord(c: JsonResourceChange): string {
  const a = c.actions.join(',');
  let word = a === 'delete,create' ? 'replace' : a === 'delete' ? 'remove' : a === 'no-op' ? noOpWord(c) : a;
  if (c.lifecycle === 'start' && (a === 'create' || a === 'update')) word += '+start';
  if (c.lifecycle === 'stop') word = a === 'update' ? 'stop' : `${word}+stop`;
  return c.origin === 'drift' ? `${word} (drift)` : word;
}

export interface BatchRow {
  batch: string;
  action: string;
  status: string;
  added: number;
  removed: number;
  movingIn: number;
  movingOut: number;
  after: number | null;
}

export function batchRows(doc: PlanDocument): BatchRow[] {
  return doc.resource_changes.filter((c) => c.type === 'batch').map((c) => ({
    batch: c.name, action: actionWord(c), status: c.live_status ?? 'new',
    added: c.membership?.added.length ?? 0, removed: c.membership?.removed.length ?? 0,
    movingIn: c.membership?.moved_in.length ?? 0, movingOut: c.membership?.moved_out.length ?? 0,
    after: c.mailboxes_after,
  }));
}

const HEAD = ['Batch', 'Action', 'Status now', '+Added', '-Removed', 'In / out', 'Mailboxes after'] as const;
/** Columns whose values line up on the right. */
const NUMERIC = [false, false, false, true, true, true, true];

function cells(r: BatchRow): string[] {
  const moves = r.movingIn || r.movingOut ? `${n(r.movingIn)} / ${n(r.movingOut)}` : '';
  return [termText(r.batch), r.action, termText(r.status), r.added ? `+${n(r.added)}` : '', r.removed ? `-${n(r.removed)}` : '', moves,
    r.after === null ? '' : n(r.after)];
}

/** The table as aligned text lines (no colour: it must read the same in a CI log). */
export function batchTableLines(doc: PlanDocument): string[] {
  const rows = batchRows(doc).map(cells);
  if (rows.length === 0) return [];
  const all = [[...HEAD], ...rows];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((v, i) => (NUMERIC[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  const total = rows.length === 1 ? '1 batch changes' : `${n(rows.length)} batches change`;
  return [`Batches (${total}):`, '', line(all[0]!), ...rows.map(line), ''];
}

/** "Mailboxes: 2,000 to add, 250 to remove, 100 to move." */
export function mailboxTotalsLine(doc: PlanDocument): string {
  const m = doc.summary.mailboxes;
  return `Mailboxes: ${n(m.added)} to add, ${n(m.removed)} to remove, ${n(m.moved)} to move.`;
}
