// The terminal view of a plan, in Terraform's conventions, rendered from the plan document (the same
// document as the JSON and markdown views). It stays readable at scale: a per-batch table first,
// long per-mailbox lists and runs of per-mailbox cmdlets summarised unless --full. Every string from
// users or the service is made safe (termText) where it is printed, not in the whole document first:
// a plan of 200,000 mailboxes prints a few hundred lines (issue 13).
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { count, plural } from '../../model/index.js';
import { createColors } from 'picocolors';
import { cmdletEntries, moreText } from './cmdlet-runs.js';
import { driftLines } from './human-drift.js';
import { blockLines, tableTellsAll } from './human-plan-block.js';
import type { JsonResourceChange, JsonUnmanaged, PlanDocument } from './json-plan-types.js';
import { batchTableLines, mailboxTotalsLine } from './plan-batch-table.js';
import { BLOCK_LIMIT, LIST_LIMIT, type ListOptions } from './plan-lists.js';
import { termText } from '../common/safe-text.js';

type Colors = ReturnType<typeof createColors>;

/** push(...lines) overflows the stack for --full lists of 200,000 mailboxes. */
function append(out: string[], lines: readonly string[]): void {
  for (const l of lines) out.push(l);
}

export interface HumanPlanOptions {
  color: boolean;
  refreshOnly?: boolean;
  /** --full: every block, mailbox and cmdlet. */
  full?: boolean;
}

const unmanagedLine = (u: JsonUnmanaged): string =>
  `  ${termText(u.address)}${u.status ? ` (${termText(u.status)}, ${u.mailboxes ?? 0} mailboxes)` : ''}`;

function unmanagedLines(doc: PlanDocument, pc: Colors): string[] {
  const former = doc.unmanaged.filter((u) => u.no_longer_in_plan);
  const others = doc.unmanaged.filter((u) => !u.no_longer_in_plan);
  const out: string[] = [];
  if (former.length > 0) {
    out.push(pc.bold(pc.yellow('No longer in the plan (stagemig applied these; their blocks were deleted from the YAML):')));
    for (const u of former) out.push(pc.yellow(unmanagedLine(u)));
    out.push(
      '  To remove one from the service: put its block back with `state: removed`, then plan and apply.',
      '  To leave it in the service unmanaged: run `stagemig apply`; it changes nothing there and forgets it.',
      '',
    );
  }
  if (others.length > 0) {
    out.push('Unmanaged objects (in the migration service but not in this plan; left untouched):');
    for (const u of others) out.push(unmanagedLine(u));
    out.push('');
  }
  return out;
}

const targetLine = (doc: PlanDocument, pc: Colors): string[] =>
  doc.targets ? [pc.yellow(`Warning: --target is in effect: only ${doc.targets.map(termText).join(', ')} ${doc.targets.length === 1 ? 'is' : 'are'} planned; the plan may be incomplete.`), ''] : [];

/** The blocks of a section; with many changes, those the table already tells are left out (one line says so). */
function blocks(changes: readonly JsonResourceChange[], total: number, pc: Colors, opts: ListOptions): string[] {
  const terse = !opts.full && total > BLOCK_LIMIT;
  const out: string[] = [];
  let left = 0;
  for (const c of changes) {
    if (terse && tableTellsAll(c)) left++;
    else append(out, [...blockLines(c, pc, opts), '']);
  }
  if (left > 0) {
    const what = left === 1 ? '1 batch whose change is' : `${count(left)} batches whose change is`;
    out.push(pc.dim(`  (${what} told in full by the table above and the cmdlets below; --full shows ${left === 1 ? 'its block' : 'their blocks'}.)`), '');
  }
  return out;
}

function cmdletLines(doc: PlanDocument, pc: Colors, opts: ListOptions): string[] {
  if (doc.steps.length === 0) return [];
  const out = ['Cmdlets, in order:'];
  const w = String(doc.steps.length).length;
  for (const e of cmdletEntries(doc.steps, opts.full ? Infinity : LIST_LIMIT)) {
    if (e.kind === 'step') out.push(`  ${String(e.step.index).padStart(w)}. ${termText(e.step.text)}   ${pc.dim(`# ${termText(e.step.address)}`)}`);
    else out.push(pc.dim(`  ${' '.repeat(w)}  ${moreText({ ...e, cmdlet: termText(e.cmdlet), address: termText(e.address) })}; --full lists them`));
  }
  out.push('');
  return out;
}

/** `plan --refresh-only`: the drift section and unmanaged objects, no steps. */
function renderRefreshOnly(doc: PlanDocument, pc: Colors, opts: ListOptions): string {
  return [...driftLines(doc, pc, { refreshOnly: true, ...opts }), ...unmanagedLines(doc, pc), ...targetLine(doc, pc)].join('\n').trimEnd() + '\n';
}

/** Why nothing can be run: what the remaining changes wait for, truthfully (only the service moves on by itself). */
function nothingToRunLine(doc: PlanDocument): string {
  const waits = new Set(doc.resource_changes.map((c) => c.waits_for ?? 'service'));
  if ([...waits].every((w) => w === 'finished' || w === 'nothing')) return 'Nothing to run: the notes above only inform.';
  waits.delete('finished');
  waits.delete('nothing');
  if (waits.size === 1 && waits.has('service')) return 'Nothing can be run now: every remaining change waits on the migration service (see the notes).';
  const parts = [
    waits.has('service') && 'the migration service', waits.has('gates') && 'removal gates', waits.has('admin') && 'your decision',
    waits.has('unknown-status') && 'a status stagemig does not know',
  ].filter(Boolean);
  return `Nothing can be run now: the remaining changes wait on ${parts.join(', ')} (see the notes).`;
}

export function renderHumanPlan(doc: PlanDocument, opts: HumanPlanOptions): string {
  const pc = createColors(opts.color);
  const list: ListOptions = { full: opts.full === true };
  if (opts.refreshOnly || doc.mode === 'refresh-only') return renderRefreshOnly(doc, pc, list);
  // Drift (what changed outside stagemig) comes first, as in Terraform; then the table leads the plan itself.
  const out: string[] = [...driftLines(doc, pc, { refreshOnly: false, ...list }), ...batchTableLines(doc)];
  const total = doc.resource_changes.length;
  const restore = doc.resource_changes.filter((c) => c.origin === 'drift');
  const own = doc.resource_changes.filter((c) => c.origin !== 'drift');
  if (restore.length > 0) append(out, ['To undo the drift (the YAML did not change), stagemig will:', '', ...blocks(restore, total, pc, list)]);
  if (own.length > 0) {
    out.push('stagemig will perform the following actions:', '');
    append(out, blocks(own, total, pc, list));
  }
  append(out, [...targetLine(doc, pc), ...unmanagedLines(doc, pc)]);
  append(out, cmdletLines(doc, pc, list));
  const former = doc.unmanaged.filter((u) => u.no_longer_in_plan).length;
  if (total === 0 && former > 0) {
    out.push(pc.bold(`No changes to run; ${plural(former, 'object is', 'objects are')} no longer in the plan (see above).`));
  } else if (total === 0) {
    out.push(pc.green('No changes. The migration service matches the plan.'));
  } else {
    const { add, change, remove } = doc.summary;
    out.push(pc.bold(`Plan: ${add} to add, ${change} to change, ${remove} to remove.`));
    if (doc.resource_changes.some((c) => c.type === 'batch')) out.push(mailboxTotalsLine(doc));
    if (doc.steps.length === 0) out.push(nothingToRunLine(doc));
  }
  return out.join('\n') + '\n';
}
