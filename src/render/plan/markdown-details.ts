// One collapsible <details> per resource change: settings, notes, mailboxes and cmdlets.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { cmdletEntries, moreText } from './cmdlet-runs.js';
import type { JsonResourceChange, JsonStep, PlanDocument } from './json-plan-types.js';
import { actionLabel } from './markdown-sections.js';
import { plural } from '../../model/index.js';
import { capped, codeBlock, htmlText, mdText, num, valueCell } from '../common/markdown-text.js';

/** How many entries each list of the details may show (the budget decides). */
export interface DetailCaps {
  mailboxes: (address: string) => number;
  cmdlets: (address: string) => number;
}

function settingLines(c: JsonResourceChange): string[] {
  const keys = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])];
  if (keys.length === 0) return [];
  const out = ['| Setting | Now | Planned |', '|---|---|---|'];
  for (const k of keys) out.push(`| ${mdText(k)} | ${valueCell(c.before?.[k])} | ${valueCell(c.after?.[k])} |`);
  return [...out, ''];
}

/** Built once per change: the budget search renders the same lists many times with different caps. */
const rowsCache = new WeakMap<JsonResourceChange, string[]>();

export function mailboxRows(c: JsonResourceChange): string[] {
  const cached = rowsCache.get(c);
  if (cached) return cached;
  const m = c.membership;
  const rows = m ? [
    ...m.removed.map((e) => `- ${e}`),
    ...m.moved_out.map((x) => `- ${x.email}   (moves to batch.${x.to})`),
    ...m.added.map((e) => `+ ${e}`),
    ...m.moved_in.map((x) => `+ ${x.email}   (moves from batch.${x.from})`),
  ] : [];
  rowsCache.set(c, rows);
  return rows;
}

function mailboxLines(c: JsonResourceChange, cap: number): string[] {
  const m = c.membership;
  if (!m) return [];
  const rows = mailboxRows(c);
  const head = [
    m.added.length && `${num(m.added.length)} added`, m.removed.length && `${num(m.removed.length)} removed`,
    m.moved_in.length && `${num(m.moved_in.length)} moving in`, m.moved_out.length && `${num(m.moved_out.length)} moving out`,
  ].filter(Boolean).join(', ');
  const { shown, hidden } = capped(rows, cap);
  const out = [`**Mailboxes** (${head})`, ''];
  if (shown.length > 0) out.push(codeBlock('diff', shown), '');
  if (hidden > 0) out.push(`… ${plural(hidden, 'more mailbox', 'more mailboxes')} not shown.`, '');
  return out;
}

const cmdletCache = new WeakMap<readonly JsonStep[], string[]>();

/** Cmdlet lines; a run of Remove-MigrationUser (one per mailbox, listed above) is one line and a count. */
export function cmdletRows(steps: readonly JsonStep[]): string[] {
  const cached = cmdletCache.get(steps);
  if (cached) return cached;
  const rows = cmdletEntries(steps, 1).map((e) => (e.kind === 'step' ? `${e.step.text}   # step ${e.step.index}` : `# ${moreText(e)}`));
  cmdletCache.set(steps, rows);
  return rows;
}

function cmdletLines(steps: readonly JsonStep[], cap: number): string[] {
  if (steps.length === 0) return [];
  const { shown, hidden } = capped(cmdletRows(steps), cap);
  const out = [`**Cmdlets** (${plural(steps.length, 'step')} of the plan)`, ''];
  if (shown.length > 0) out.push(codeBlock('powershell', shown), '');
  if (hidden > 0) out.push(`… ${plural(hidden, 'more line')} not shown.`, '');
  return out;
}

function title(c: JsonResourceChange, steps: number): string {
  const m = c.membership;
  const parts = [actionLabel(c) + (c.lifecycle && c.lifecycle !== 'remove' ? `, ${c.lifecycle}` : '')];
  if (m?.added.length) parts.push(`+${num(m.added.length)}`);
  if (m?.removed.length) parts.push(`−${num(m.removed.length)}`);
  if (m && (m.moved_in.length || m.moved_out.length)) parts.push(`moves ${num(m.moved_in.length)} in / ${num(m.moved_out.length)} out`);
  parts.push(plural(steps, 'cmdlet'));
  return `<code>${htmlText(c.address)}</code>: ${htmlText(parts.join(' · '))}`;
}

const stepsCache = new WeakMap<PlanDocument, Map<string, JsonStep[]>>();

export function stepsByAddress(doc: PlanDocument): Map<string, JsonStep[]> {
  const cached = stepsCache.get(doc);
  if (cached) return cached;
  const byAddress = new Map<string, JsonStep[]>();
  for (const s of doc.steps) {
    const list = byAddress.get(s.address);
    if (list) list.push(s);
    else byAddress.set(s.address, [s]);
  }
  stepsCache.set(doc, byAddress);
  return byAddress;
}

export function detailsLines(doc: PlanDocument, caps: DetailCaps): string[] {
  if (doc.resource_changes.length === 0) return [];
  const byAddress = stepsByAddress(doc);
  const out = ['### Changes', ''];
  for (const c of doc.resource_changes) {
    const steps = byAddress.get(c.address) ?? [];
    out.push('<details>', `<summary>${title(c, steps.length)}</summary>`, '');
    out.push(...settingLines(c));
    if (c.notes.length > 0) out.push(...c.notes.map((n) => `> - ${mdText(n)}`), '');
    out.push(...mailboxLines(c, caps.mailboxes(c.address)), ...cmdletLines(steps, caps.cmdlets(c.address)), '</details>', '');
  }
  return out;
}
