// The drift part of the terminal plan: what changed outside stagemig since it last applied the plan.
import type { createColors } from 'picocolors';
import type { DriftItem, Plan } from '../../plan/index.js';

type Colors = ReturnType<typeof createColors>;

const MAX_LISTED = 10;
const show = (v: unknown): string => (v === undefined || v === null ? '(unset)' : JSON.stringify(v));

export const NO_BASELINE_NOTE =
  'Note: there is no record of an earlier `stagemig apply` of this plan, so changes made outside stagemig ' +
  'cannot be told apart from YAML changes; every difference is shown as a plan change.';

function itemLines(d: DriftItem, pc: Colors): string[] {
  if (d.kind === 'membership') {
    const removed = Array.isArray(d.expected);
    const emails = (removed ? d.expected : d.actual) as string[];
    const sign = removed ? pc.red('-') : pc.green('+');
    const lines = [`    ${sign} ${d.summary}`];
    for (const e of emails.slice(0, MAX_LISTED)) lines.push(`        ${e}`);
    if (emails.length > MAX_LISTED) lines.push(pc.dim(`        … and ${emails.length - MAX_LISTED} more`));
    return lines;
  }
  if (d.kind === 'missing') return [`    ${pc.red('-')} ${d.summary}`];
  if (d.kind === 'setting') return [`    ${pc.yellow('~')} ${d.summary}: ${show(d.expected)} -> ${show(d.actual)}`];
  return [`    ${pc.yellow('~')} ${d.summary}`];
}

/** Refresh-only without a record: say loudly that drift cannot be told apart, and what differs. */
function undeterminedLines(plan: Plan, pc: Colors): string[] {
  const differ = plan.undetermined ?? [];
  const head = pc.bold(pc.yellow('Warning: drift cannot be told apart: there is no record of an earlier `stagemig apply` of this plan.'));
  if (differ.length === 0) return [head, '  The migration service matches the YAML, so nothing has drifted either.', ''];
  const listed = differ.slice(0, MAX_LISTED).join(', ') + (differ.length > MAX_LISTED ? `, … and ${differ.length - MAX_LISTED} more` : '');
  return [
    head,
    pc.yellow(`  The migration service differs from the YAML for ${differ.length} resource${differ.length === 1 ? '' : 's'}: ${listed}.`),
    '  Each difference may be a change made outside stagemig or a YAML change not applied yet; `stagemig plan` shows them.',
    '  A successful `stagemig apply` writes the record (.stagemig/<plan>.applied.json); in CI keep it between runs.',
    '',
  ];
}

/** The drift list grouped by address, or the line saying why drift is unknown. */
export function driftLines(plan: Plan, pc: Colors, opts: { refreshOnly: boolean }): string[] {
  if (plan.driftBaseline !== 'last-applied' && opts.refreshOnly) return undeterminedLines(plan, pc);
  if (plan.driftBaseline !== 'last-applied') {
    const relevant = opts.refreshOnly || plan.changes.some((c) => c.action !== 'create');
    return relevant ? [pc.yellow(NO_BASELINE_NOTE), ''] : [];
  }
  if (plan.drift.length === 0) {
    return opts.refreshOnly ? [pc.green('No changes outside stagemig: the migration service matches what stagemig last applied.'), ''] : [];
  }
  const out = [pc.bold('Changes outside stagemig (drift), compared with what stagemig last applied:'), ''];
  let last = '';
  for (const d of plan.drift) {
    if (d.address !== last) out.push(pc.bold(`  ${d.address}`));
    last = d.address;
    out.push(...itemLines(d, pc));
  }
  out.push('');
  if (opts.refreshOnly) {
    out.push('This is a refresh-only plan: stagemig proposes no cmdlets. `stagemig plan` shows the steps that restore the YAML.', '');
  }
  return out;
}
