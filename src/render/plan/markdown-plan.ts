// The plan as a pull-request comment (GitHub-flavoured markdown), rendered from the JSON document.
// It always fits GitHub's 65,536-character comment limit: long per-mailbox and per-cmdlet lists are
// cut (with a count and a pointer to the JSON plan) before anything else, so every batch stays named.
import type { PlanDocument } from './json-plan-types.js';
import { cmdletEntries, detailsLines, stepsByAddress } from './markdown-details.js';
import {
  diagnosticLines, driftLines, headerLines, summaryLines, tableLines, unmanagedLines, warningLines,
} from './markdown-sections.js';

/** GitHub rejects comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Character budget; defaults to GitHub's limit minus room for a heading the CI job may add. */
  maxLength?: number;
  /** How a reader gets the full JSON plan, e.g. "`stagemig show plan.json --format json`". */
  jsonPointer?: string;
}

const DEFAULT_BUDGET = GITHUB_COMMENT_LIMIT - 1_536;

function render(doc: PlanDocument, cap: number, details: boolean, pointer: string, cut: boolean): string {
  const footer = `<sub>stagemig ${doc.tool_version}${doc.created_at ? ` · planned at ${doc.created_at}` : ''} · ` +
    `JSON plan: ${pointer}</sub>`;
  const note = cut
    ? ['> [!NOTE]', `> Long lists are cut to fit a pull-request comment. Every mailbox and cmdlet is in the JSON plan: ${pointer}.`, '']
    : [];
  const shown = details ? cap : 0;
  const lines = [
    ...headerLines(doc), ...summaryLines(doc), ...warningLines(doc), ...note, ...tableLines(doc),
    ...(details ? detailsLines(doc, cap) : []),
    ...unmanagedLines(doc, shown, pointer), ...driftLines(doc, shown, pointer), ...diagnosticLines(doc, shown), footer,
  ];
  return `${lines.join('\n')}\n`;
}

/** Lengths of the lists a cap applies to: each resource's mailboxes and cmdlets, unmanaged objects, drift, problems. */
function listLengths(doc: PlanDocument): number[] {
  const steps = [...stepsByAddress(doc).values()].map((list) => cmdletEntries(list).length);
  const mailboxes = doc.resource_changes.map((c) => {
    const m = c.membership;
    return m ? m.added.length + m.removed.length + m.moved_in.length + m.moved_out.length : 0;
  });
  return [doc.unmanaged.length, doc.drift.length, doc.diagnostics.length, ...steps, ...mailboxes];
}

/** Every shown entry takes at least this many characters ("+ a@b.c" and a newline). */
const MIN_ENTRY = 8;

/** No cap above this can fit: its lists alone would need more characters than the budget. */
function capBound(lengths: readonly number[], budget: number): number {
  const max = Math.max(0, ...lengths);
  const cost = (cap: number) => lengths.reduce((n, len) => n + Math.min(cap, len), 0) * MIN_ENTRY;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Markdown for a PR comment, within the budget: the largest per-list cap that fits (binary search). */
export function renderMarkdownPlan(doc: PlanDocument, opts: MarkdownOptions = {}): string {
  const budget = opts.maxLength ?? DEFAULT_BUDGET;
  const pointer = opts.jsonPointer ?? (doc.plan_file ? `\`stagemig plan ${doc.plan_file} --format json\`` : 'the JSON plan');
  const lengths = listLengths(doc);
  const max = Math.max(0, ...lengths);
  const bound = capBound(lengths, budget);
  if (bound >= max) {
    const full = render(doc, max, true, pointer, false);
    if (full.length <= budget) return full;
  }
  let lo = 0;
  let hi = Math.min(bound, max - 1);
  let best: string | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const text = render(doc, mid, true, pointer, true);
    if (text.length <= budget) {
      best = text;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best !== undefined) return best;
  const compact = render(doc, 0, false, pointer, true);
  if (compact.length <= budget) return compact;
  const note = `\n\n… cut to fit a pull-request comment; the full plan is in ${pointer}.\n`;
  return compact.slice(0, budget - note.length) + note;
}
