// Sections of the markdown plan (PR comment), rendered from the JSON plan document.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { JsonResourceChange, PlanDocument } from './json-plan-types.js';
import { noOpWord } from './json-plan-types.js';
import { plural } from '../../model/index.js';
import { capped, codeSpan, mdText, num, valueCell } from '../common/markdown-text.js';

const ORIGIN: Record<string, string> = { drift: ' (undoes drift)', mixed: ' (YAML and drift)' };

export function actionLabel(c: JsonResourceChange): string {
  const a = c.actions.join(',');
  const label = a === 'delete,create' ? 'replace' : a === 'delete' ? 'remove' : a === 'no-op' ? noOpWord(c) : a;
  return label + (c.origin ? (ORIGIN[c.origin] ?? '') : '');
}

export function headerLines(doc: PlanDocument): string[] {
  const where = doc.backend ? ` → **${mdText(doc.backend.organization)}** (${doc.backend.type})` : '';
  const file = doc.plan_file ? codeSpan(doc.plan_file) : 'the migration plan';
  const mode = doc.mode === 'refresh-only' ? ' (refresh-only: drift report, nothing will be changed)' : '';
  const targets = doc.targets ? ['', `Limited with --target to: ${doc.targets.map(mdText).join(', ')}`] : [];
  return [`## stagemig plan${mode}`, '', `${file}${where}`, ...targets, ''];
}

export function summaryLines(doc: PlanDocument): string[] {
  if (doc.errored) return ['**Planning failed.** See the errors below; nothing can be applied.', ''];
  const s = doc.summary;
  if (doc.resource_changes.length === 0) return ['**No changes.** The migration service matches the plan.', ''];
  const m = s.mailboxes;
  const line = `**Plan: ${s.add} to add, ${s.change} to change, ${s.remove} to remove.** ${plural(s.steps, 'cmdlet')} to run; ` +
    `mailboxes: ${num(m.added)} added, ${num(m.removed)} removed, ${num(m.moved)} moved.`;
  const out = [line, ''];
  if (s.steps === 0) out.push('Nothing can be run now: every remaining change waits on the migration service (see the notes).', '');
  return out;
}

/** One line per resource that loses something: removed, stopped, or mailboxes taken out. */
function destructive(c: JsonResourceChange): string[] {
  const name = codeSpan(c.address);
  const out: string[] = [];
  if (c.actions.includes('delete')) out.push(`${name} will be ${c.actions.length > 1 ? 'replaced (removed, then created)' : 'removed'}`);
  else if (c.lifecycle === 'stop') out.push(`${name} will be stopped`);
  const m = c.membership;
  if (m && m.removed.length > 0) out.push(`${name}: ${plural(m.removed.length, 'mailbox', 'mailboxes')} removed from the batch`);
  if (m && m.moved_out.length > 0) out.push(`${name}: ${plural(m.moved_out.length, 'mailbox', 'mailboxes')} moved to other batches`);
  return out;
}

export function warningLines(doc: PlanDocument): string[] {
  const items = doc.resource_changes.flatMap(destructive);
  if (items.length === 0) return [];
  return ['> [!WARNING]', '> **This plan removes or stops something.** Review these carefully:', ...items.map((i) => `> - ${i}`), ''];
}

const count = (n: number): string => (n === 0 ? '' : num(n));

export function tableLines(doc: PlanDocument): string[] {
  if (doc.resource_changes.length === 0) return [];
  const out = ['| Resource | Action | Lifecycle | Added | Removed | Moved in / out | Status now |', '|---|---|---|--:|--:|--:|---|'];
  for (const c of doc.resource_changes) {
    const m = c.membership;
    const moved = m && (m.moved_in.length || m.moved_out.length) ? `${num(m.moved_in.length)} / ${num(m.moved_out.length)}` : '';
    out.push(`| ${mdText(c.address)} | ${actionLabel(c)} | ${c.lifecycle ?? ''} | ${count(m?.added.length ?? 0)} | ` +
      `${count(m?.removed.length ?? 0)} | ${moved} | ${c.live_status ?? ''} |`);
  }
  return [...out, ''];
}

export const unmanagedRows = (doc: PlanDocument): string[] =>
  doc.unmanaged.map((u) => {
    const former = u.no_longer_in_plan ? ' — **no longer in the plan**: stagemig applied it and its block was deleted' : '';
    return `- ${mdText(u.address)}${u.status ? ` (${u.status}, ${plural(u.mailboxes ?? 0, 'mailbox', 'mailboxes')})` : ''}${former}`;
  });

export function unmanagedLines(doc: PlanDocument, cap: number, pointer: string): string[] {
  if (doc.unmanaged.length === 0) return [];
  const { shown, hidden } = capped(unmanagedRows(doc), cap);
  const out = ['### Unmanaged objects', '', 'In the migration service but not in the plan; stagemig leaves them alone.', '', ...shown];
  if (hidden > 0) out.push(`- … and ${num(hidden)} more (see ${pointer})`);
  if (doc.unmanaged.some((u) => u.no_longer_in_plan)) {
    out.push('', 'To remove an object that is no longer in the plan, put its block back with `state: removed`; to leave it unmanaged, apply (stagemig then forgets it).');
  }
  return [...out, ''];
}

/** Drift values can be long lists of mailboxes: at most five entries and 150 characters each. */
function shortValue(v: unknown): string {
  const clip = (x: unknown): unknown => (typeof x === 'string' && x.length > 150 ? `${x.slice(0, 150)}…` : x);
  if (!Array.isArray(v)) return valueCell(typeof v === 'object' && v !== null ? clip(JSON.stringify(v)) : clip(v));
  const more = v.length > 5 ? ` … ${num(v.length - 5)} more` : '';
  return `${valueCell(v.slice(0, 5).map(clip))}${more}`;
}

export const driftRows = (doc: PlanDocument): string[] =>
  doc.drift.map((d) => `| ${mdText(d.address)} | ${mdText(d.kind)} | ${mdText(d.summary)} | ${shortValue(d.expected)} | ${shortValue(d.actual)} |`);

export function driftLines(doc: PlanDocument, cap: number, pointer: string): string[] {
  if (doc.drift.length === 0) return [];
  const { shown, hidden } = capped(driftRows(doc), cap);
  const out = ['### Drift: changes made outside stagemig', '', '| Object | Kind | What changed | Expected | Actual |', '|---|---|---|---|---|', ...shown];
  if (hidden > 0) out.push(`| … | | ${num(hidden)} more drifted objects (see ${pointer}) | | |`);
  return [...out, ''];
}

/** Errors first; every problem carries its file:line:column. */
export function problemRows(doc: PlanDocument): string[] {
  const errorsFirst = [...doc.diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return errorsFirst.map((d) => {
    const at = d.range ? ` (${mdText(d.range.file)}:${d.range.start.line}:${d.range.start.column})` : '';
    return `- **${d.severity}**${at}: ${mdText(d.summary)}${d.hint ? ` — ${mdText(d.hint)}` : ''}`;
  });
}

/** At least the first ten problems are always shown. */
export const MIN_PROBLEMS = 10;

export function diagnosticLines(doc: PlanDocument, cap: number): string[] {
  if (doc.diagnostics.length === 0) return [];
  const { shown, hidden } = capped(problemRows(doc), Math.max(cap, MIN_PROBLEMS));
  const out = ['### Problems', '', ...shown];
  if (hidden > 0) out.push(`- … and ${num(hidden)} more problems (run the command in a terminal to see them all)`);
  return [...out, ''];
}
