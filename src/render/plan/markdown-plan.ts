// The plan as a pull-request comment (GitHub-flavoured markdown), rendered from the JSON document.
// It always fits GitHub's 65,536-character comment limit. Everything but the lists (header, summary,
// warnings, the table that names every resource) is always there; the characters left are shared
// fairly between the sections (changes, unmanaged objects, drift, problems) and, inside the changes,
// between the resources, so one huge list cannot crowd out the others. A cut plan points to
// `stagemig show <saved plan> --full` for everything.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { JsonStep, PlanDocument } from './json-plan-types.js';
import { cmdletRows, detailsLines, mailboxRows, stepsByAddress, type DetailCaps } from './markdown-details.js';
import {
  diagnosticLines, driftLines, driftRows, headerLines, MIN_PROBLEMS, problemRows, summaryLines, tableLines,
  unmanagedLines, unmanagedRows, warningLines,
} from './markdown-sections.js';
import { fairShare, rowsLength, rowsThatFit } from '../common/fair-share.js';
import { codeSpan } from '../common/markdown-text.js';

/** GitHub rejects comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Character budget; defaults to GitHub's limit minus room for a heading the CI job may add. */
  maxLength?: number;
  /** How a reader gets the whole plan, e.g. "`stagemig show plan.json --full`". */
  fullPlanPointer?: string;
}

const DEFAULT_BUDGET = GITHUB_COMMENT_LIMIT - 1_536;

interface Caps extends DetailCaps {
  unmanaged: number;
  drift: number;
  problems: number;
}

const ALL: Caps = { mailboxes: () => Infinity, cmdlets: () => Infinity, unmanaged: Infinity, drift: Infinity, problems: Infinity };
const NONE: Caps = { mailboxes: () => 0, cmdlets: () => 0, unmanaged: 0, drift: 0, problems: 0 };

function render(doc: PlanDocument, caps: Caps, details: boolean, pointer: string, cut: boolean): string {
  const footer = `<sub>stagemig ${doc.tool_version}${doc.created_at ? ` · planned at ${doc.created_at}` : ''} · ` +
    `full plan: ${pointer}</sub>`;
  const note = cut
    ? ['> [!NOTE]', `> Long lists are shortened to fit a pull-request comment (each section gets a fair share). The full plan: ${pointer}.`, '']
    : [];
  const lines = [
    ...headerLines(doc), ...summaryLines(doc), ...warningLines(doc), ...note, ...tableLines(doc),
    ...(details ? detailsLines(doc, caps) : []),
    ...unmanagedLines(doc, caps.unmanaged, pointer), ...driftLines(doc, caps.drift, pointer), ...diagnosticLines(doc, caps.problems), footer,
  ];
  return `${lines.join('\n')}\n`;
}

const lengths = (rows: readonly string[]): number[] => rows.map((r) => r.length);

/** Caps that share `chars` characters fairly: first between sections, then between resources, then between a resource's two lists. */
function fairCaps(doc: PlanDocument, byAddress: Map<string, JsonStep[]>, chars: number): Caps {
  const resources = doc.resource_changes.map((c) => ({
    address: c.address, mailboxes: lengths(mailboxRows(c)), cmdlets: lengths(cmdletRows(byAddress.get(c.address) ?? [])),
  }));
  const unmanaged = lengths(unmanagedRows(doc));
  const drift = lengths(driftRows(doc));
  const problems = lengths(problemRows(doc)).slice(MIN_PROBLEMS); // the first ten are always shown
  const perResource = resources.map((r) => rowsLength(r.mailboxes) + rowsLength(r.cmdlets));
  const [changes, un, dr, pr] = fairShare(
    [perResource.reduce((a, b) => a + b, 0), rowsLength(unmanaged), rowsLength(drift), rowsLength(problems)], chars,
  ) as [number, number, number, number];
  const shares = fairShare(perResource, changes);
  const mailboxCaps = new Map<string, number>();
  const cmdletCaps = new Map<string, number>();
  resources.forEach((r, i) => {
    const [m, c] = fairShare([rowsLength(r.mailboxes), rowsLength(r.cmdlets)], shares[i]!) as [number, number];
    mailboxCaps.set(r.address, rowsThatFit(r.mailboxes, m));
    cmdletCaps.set(r.address, rowsThatFit(r.cmdlets, c));
  });
  return {
    mailboxes: (a) => mailboxCaps.get(a) ?? 0, cmdlets: (a) => cmdletCaps.get(a) ?? 0,
    unmanaged: rowsThatFit(unmanaged, un), drift: rowsThatFit(drift, dr), problems: MIN_PROBLEMS + rowsThatFit(problems, pr),
  };
}

function defaultPointer(doc: PlanDocument): string {
  if (doc.saved_plan) return codeSpan(`stagemig show ${doc.saved_plan} --full`);
  const yaml = doc.plan_file ?? 'stagemig.yaml';
  return `${codeSpan(`stagemig plan ${yaml} --out plan.json`)}, then \`stagemig show plan.json --full\``;
}

/** Markdown for a PR comment, within the budget. */
export function renderMarkdownPlan(doc: PlanDocument, opts: MarkdownOptions = {}): string {
  const budget = opts.maxLength ?? DEFAULT_BUDGET;
  const pointer = opts.fullPlanPointer ?? defaultPointer(doc);
  const full = render(doc, ALL, true, pointer, false);
  if (full.length <= budget) return full;
  const fixed = render(doc, NONE, true, pointer, true).length;
  if (fixed <= budget) {
    const byAddress = stepsByAddress(doc);
    // "… N more" lines change length with N: give back a little and retry until it fits.
    for (let chars = budget - fixed; chars > 0; chars = Math.floor(chars * 0.95) - 64) {
      const text = render(doc, fairCaps(doc, byAddress, chars), true, pointer, true);
      if (text.length <= budget) return text;
    }
    return render(doc, NONE, true, pointer, true);
  }
  const compact = render(doc, NONE, false, pointer, true);
  if (compact.length <= budget) return compact;
  const note = `\n\n… cut to fit a pull-request comment; the full plan: ${pointer}.\n`;
  return compact.slice(0, budget - note.length) + note;
}
