// `stagemig status` for the terminal: one line per batch, the failed mailboxes with their error, and
// with --users or --batch one line per mailbox. Pure.
// Must not: read files, the service or the clock (the view carries the service's time), or show a service text without forTerminal.
import { createColors } from 'picocolors';
import type { LiveUser } from '../../model/index.js';
import type { BatchStatusView, StatusView } from './status-view.js';
import { etaText } from '../apply/progress-line.js';
import { durationText, plural } from '../../model/index.js';
import { shortUtc } from '../common/time-text.js';
import { forTerminal } from '../common/safe-text.js';

type Colors = ReturnType<typeof createColors>;

/** Columns padded to the widest cell; `right` columns are right-aligned. */
export function table(rows: string[][], right: ReadonlySet<number> = new Set(), indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => indent + r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

const n = (x: number): string => x.toLocaleString('en-US');

function started(b: BatchStatusView): string {
  if (b.startsInMs !== undefined) return `starts in ${durationText(b.startsInMs)}`;
  if (b.elapsedMs !== undefined) return `${durationText(b.elapsedMs)} ago`;
  return '-';
}

function statusText(b: BatchStatusView): string {
  const s = b.live?.status;
  if (s === undefined) return b.desiredState === 'removed' ? 'removed' : '(not created)';
  return s;
}

/** Rows are padded first, then the troubled ones are coloured whole (escape codes would break the padding). */
function colourRow(line: string, b: BatchStatusView, pc: Colors): string {
  const s = b.live?.status;
  if (s === 'SyncedWithErrors' || s === 'Failed' || s === 'Corrupted') return pc.red(line);
  return s === 'Synced' ? pc.green(line) : line;
}

/** "2h10m at 28/h"; "-" when nothing is left or no rate is known yet. */
function etaCell(b: BatchStatusView): string {
  const l = b.live!;
  const text = etaText(b.estimate, l.totalCount - l.syncedCount - l.failedCount);
  return text === '' || text === 'ETA unknown' ? '-' : text.replace(/^ETA /, '');
}

function batchRow(b: BatchStatusView): string[] {
  const l = b.live;
  if (!l) return [b.name, statusText(b), '-', '-', '-', '-', '-', '-', '-', '-'];
  const pct = b.percentSynced === undefined ? '' : ` (${Math.floor(b.percentSynced)}%)`;
  return [b.name, statusText(b), n(l.totalCount), `${n(l.syncedCount)}${pct}`, n(l.failedCount), n(l.activeCount), n(l.pendingCount), started(b), etaCell(b), l.dataConsistencyScore ?? '-'];
}

function userRows(users: readonly LiveUser[]): string[] {
  const rows = [['MAILBOX', 'STATUS', 'ITEMS SYNCED', 'SKIPPED', 'LAST SYNC', 'ERROR']];
  for (const u of users) {
    rows.push([u.email, u.status, n(u.syncedItemCount), n(u.skippedItemCount), u.lastSuccessfulSyncTime ? shortUtc(u.lastSuccessfulSyncTime) : '-', u.errorSummary ?? '']);
  }
  return table(rows, new Set([2, 3]), '    ');
}

function totalEta(view: StatusView): string {
  const t = view.totals;
  const eta = etaText(view.totalEstimate, t.mailboxes - t.synced - t.failed);
  return eta && eta !== 'ETA unknown' && t.mailboxes > 0 ? `; ${eta}` : '';
}

export function renderStatusHuman(input: StatusView, opts: { color: boolean; organization: string; backend: string }): string {
  const view = forTerminal(input); // batch names and the service's error texts
  const pc = createColors(opts.color);
  const out = [`Migration status of ${opts.organization} at ${shortUtc(view.observedAt)} (${opts.backend})`, ''];
  if (view.batches.length === 0) out.push('The plan declares no batches.');
  else {
    const header = ['BATCH', 'STATUS', 'MAILBOXES', 'SYNCED', 'FAILED', 'ACTIVE', 'PENDING', 'STARTED', 'ETA', 'DATA'];
    const [head, ...rows] = table([header, ...view.batches.map(batchRow)], new Set([2, 4, 5, 6]));
    out.push(head!, ...rows.map((line, i) => colourRow(line, view.batches[i]!, pc)));
  }
  for (const b of view.batches) {
    for (const w of b.live?.validationWarnings ?? []) out.push(pc.yellow(`  warning: ${b.name}: ${w}`));
  }
  if (view.userScope !== 'failed') {
    for (const b of view.batches) {
      const members = view.users.filter((u) => u.batch.toLowerCase() === b.name.toLowerCase());
      out.push('', `${pc.bold(b.name)} (${b.live?.status ?? 'not in the service'}, ${plural(members.length, 'mailbox', 'mailboxes')})`);
      if (members.length > 0) out.push(...userRows(members));
    }
  } else if (view.failed.length > 0) {
    out.push('', pc.red(`Failed mailboxes (${view.failed.length}):`));
    for (const u of view.failed) out.push(`  ${u.email} (${u.batch}): ${u.errorSummary ?? u.status}`);
  }
  if (view.unmanaged.length > 0) {
    out.push('', `Unmanaged batches (not in the plan): ${view.unmanaged.map((u) => `${u.address} (${u.status}, ${plural(u.mailboxes, 'mailbox', 'mailboxes')})`).join(', ')}`);
  }
  const t = view.totals;
  const pct = t.mailboxes > 0 ? ` (${Math.floor((t.synced * 100) / t.mailboxes)}%)` : '';
  out.push('', `Total: ${plural(t.mailboxes, 'mailbox', 'mailboxes')}, ${n(t.synced)} synced${pct}, ${n(t.failed)} failed, ${n(t.active)} active, ${n(t.pending)} pending, ${n(t.stopped)} stopped${totalEta(view)}.`);
  return `${out.join('\n')}\n`;
}
