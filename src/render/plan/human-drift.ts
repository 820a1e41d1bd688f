// The drift part of the terminal plan: what changed outside stagemig since it last applied the plan.
// Every string from users or the service is made safe for the terminal here, as it is printed.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { count, plural } from '../../model/index.js';
import type { createColors } from 'picocolors';
import type { JsonDrift, PlanDocument } from './json-plan-types.js';
import { LIST_LIMIT, type ListOptions } from './plan-lists.js';
import { forTerminal, termText } from '../common/safe-text.js';

type Colors = ReturnType<typeof createColors>;

const show = (v: unknown): string => (v === undefined || v === null ? '(unset)' : JSON.stringify(forTerminal(v)));

export const NO_BASELINE_NOTE =
  'Note: there is no record of an earlier `stagemig apply` of this plan, so changes made outside stagemig ' +
  'cannot be told apart from YAML changes; every difference is shown as a plan change.';

function itemLines(d: JsonDrift, pc: Colors, opts: ListOptions): string[] {
  if (d.kind === 'membership') {
    const removed = Array.isArray(d.expected);
    const emails = (removed ? d.expected : d.actual) as string[];
    const sign = removed ? pc.red('-') : pc.green('+');
    const lines = [`    ${sign} ${termText(d.summary)}`];
    const max = opts.full ? emails.length : LIST_LIMIT;
    for (const e of emails.slice(0, max)) lines.push(`        ${termText(e)}`);
    if (emails.length > max) lines.push(pc.dim(`        … and ${count(emails.length - max)} more (listed with --full)`));
    return lines;
  }
  if (d.kind === 'missing') return [`    ${pc.red('-')} ${termText(d.summary)}`];
  if (d.kind === 'setting') return [`    ${pc.yellow('~')} ${termText(d.summary)}: ${show(d.expected)} -> ${show(d.actual)}`];
  return [`    ${pc.yellow('~')} ${termText(d.summary)}`];
}

/** Refresh-only without a record: say loudly that drift cannot be told apart, and what differs. */
function undeterminedLines(doc: PlanDocument, pc: Colors): string[] {
  const differ = doc.undetermined ?? [];
  const head = pc.bold(pc.yellow('Warning: drift cannot be told apart: there is no record of an earlier `stagemig apply` of this plan.'));
  if (differ.length === 0) return [head, '  The migration service matches the YAML, so nothing has drifted either.', ''];
  const listed = differ.slice(0, LIST_LIMIT).map(termText).join(', ') + (differ.length > LIST_LIMIT ? `, … and ${differ.length - LIST_LIMIT} more` : '');
  return [
    head,
    pc.yellow(`  The migration service differs from the YAML for ${plural(differ.length, 'resource')}: ${listed}.`),
    '  Each difference may be a change made outside stagemig or a YAML change not applied yet; `stagemig plan` shows them.',
    '  A successful `stagemig apply` writes the record (.stagemig/<plan>.applied.json); in CI keep it between runs.',
    '',
  ];
}

/** The drift list grouped by address, or the line saying why drift is unknown. */
export function driftLines(doc: PlanDocument, pc: Colors, opts: { refreshOnly: boolean } & ListOptions): string[] {
  if (doc.drift_baseline !== 'last-applied' && opts.refreshOnly) return undeterminedLines(doc, pc);
  if (doc.drift_baseline !== 'last-applied') {
    const relevant = opts.refreshOnly || doc.resource_changes.some((c) => c.actions.join(',') !== 'create');
    return relevant ? [pc.yellow(NO_BASELINE_NOTE), ''] : [];
  }
  if (doc.drift.length === 0) {
    return opts.refreshOnly ? [pc.green('No changes outside stagemig: the migration service matches what stagemig last applied.'), ''] : [];
  }
  const out = [pc.bold('Changes outside stagemig (drift), compared with what stagemig last applied:'), ''];
  let last = '';
  for (const d of doc.drift) {
    if (d.address !== last) out.push(pc.bold(`  ${termText(d.address)}`));
    last = d.address;
    out.push(...itemLines(d, pc, opts));
  }
  out.push('');
  if (opts.refreshOnly) {
    out.push('This is a refresh-only plan: stagemig proposes no cmdlets. `stagemig plan` shows the steps that restore the YAML.', '');
  }
  return out;
}
