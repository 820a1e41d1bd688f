import { createColors } from 'picocolors';
import type { Plan, ResourceChange, UnmanagedObject } from '../../plan/index.js';
import { formatStep } from './cmdlet-text.js';
import { driftLines } from './human-drift.js';

type Colors = ReturnType<typeof createColors>;

const SYMBOL: Record<ResourceChange['action'], string> = {
  create: '+', update: '~', delete: '-', replace: '-/+', 'no-op': ' ',
};

function headline(c: ResourceChange): string {
  if (c.action === 'create') return c.lifecycle === 'start' ? 'will be created and started' : 'will be created';
  if (c.action === 'delete') return 'will be removed';
  if (c.action === 'replace') return 'must be replaced';
  if (c.action === 'update') {
    if (c.lifecycle === 'start') return 'will be updated and started';
    if (c.lifecycle === 'stop') return 'will be stopped';
    return 'will be updated in place';
  }
  return 'is waiting on the migration service';
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : JSON.stringify(v));

function colourFor(action: ResourceChange['action'], pc: Colors): (s: string) => string {
  if (action === 'create') return pc.green;
  if (action === 'delete') return pc.red;
  if (action === 'update' || action === 'replace') return pc.yellow;
  return (s) => s;
}

function block(c: ResourceChange, pc: Colors): string[] {
  const colour = colourFor(c.action, pc);
  const status = c.liveStatus ? ` (now ${c.liveStatus})` : '';
  const lines = [pc.bold(`  # ${c.address} ${headline(c)}${status}`), colour(`  ${SYMBOL[c.action]} ${c.type} "${c.name}" {`)];
  const width = Math.max(0, ...c.attributes.map((a) => a.name.length));
  for (const a of c.attributes) {
    const name = a.name.padEnd(width);
    if (a.before === undefined) lines.push(pc.green(`      + ${name} = ${show(a.after)}`));
    else if (a.after === undefined) lines.push(pc.red(`      - ${name} = ${show(a.before)}`));
    else lines.push(pc.yellow(`      ~ ${name} = ${show(a.before)} -> ${show(a.after)}`));
  }
  const m = c.membership;
  if (m) {
    const counts = [
      m.added.length && `${m.added.length} to add`,
      m.removed.length && `${m.removed.length} to remove`,
      m.movedIn.length && `${m.movedIn.length} moving in`,
      m.movedOut.length && `${m.movedOut.length} moving out`,
    ].filter(Boolean);
    lines.push(`      ~ mailboxes (${counts.join(', ')})`);
    for (const e of m.added) lines.push(pc.green(`          + ${e}`));
    for (const e of m.removed) lines.push(pc.red(`          - ${e}`));
    for (const mv of m.movedIn) lines.push(pc.yellow(`          < ${mv.email} (from batch.${mv.batch})`));
    for (const mv of m.movedOut) lines.push(pc.yellow(`          > ${mv.email} (to batch.${mv.batch})`));
  }
  lines.push(colour('    }'));
  for (const n of c.notes) lines.push(pc.cyan(`    note: ${n}`));
  return lines;
}

const unmanagedLine = (u: UnmanagedObject): string => `  ${u.address}${u.status ? ` (${u.status}, ${u.mailboxes ?? 0} mailboxes)` : ''}`;

function unmanagedLines(plan: Plan, pc: Colors): string[] {
  const former = plan.unmanaged.filter((u) => u.noLongerInPlan);
  const others = plan.unmanaged.filter((u) => !u.noLongerInPlan);
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

const targetLine = (plan: Plan, pc: Colors): string[] =>
  plan.targets ? [pc.yellow(`Warning: --target is in effect: only ${plan.targets.join(', ')} ${plan.targets.length === 1 ? 'is' : 'are'} planned; the plan may be incomplete.`), ''] : [];

/** `plan --refresh-only`: the drift section and unmanaged objects, no steps. */
function renderRefreshOnly(plan: Plan, pc: Colors): string {
  return [...driftLines(plan, pc, { refreshOnly: true }), ...unmanagedLines(plan, pc), ...targetLine(plan, pc)].join('\n').trimEnd() + '\n';
}

/** The terminal view of a plan, in Terraform's conventions; drift-only changes get their own heading. */
export function renderHumanPlan(plan: Plan, opts: { color: boolean; refreshOnly?: boolean }): string {
  const pc = createColors(opts.color);
  if (opts.refreshOnly || plan.mode === 'refresh-only') return renderRefreshOnly(plan, pc);
  const out: string[] = driftLines(plan, pc, { refreshOnly: false });
  const restore = plan.changes.filter((c) => c.origin === 'drift');
  const own = plan.changes.filter((c) => c.origin !== 'drift');
  if (restore.length > 0) {
    out.push('To undo the drift (the YAML did not change), stagemig will:', '');
    for (const c of restore) out.push(...block(c, pc), '');
  }
  if (own.length > 0) {
    out.push('stagemig will perform the following actions:', '');
    for (const c of own) out.push(...block(c, pc), '');
  }
  out.push(...targetLine(plan, pc));
  out.push(...unmanagedLines(plan, pc));
  if (plan.steps.length > 0) {
    out.push('Cmdlets, in order:');
    const w = String(plan.steps.length).length;
    plan.steps.forEach((s, i) => out.push(`  ${String(i + 1).padStart(w)}. ${formatStep(s)}   ${pc.dim(`# ${s.address}`)}`));
    out.push('');
  }
  const former = plan.unmanaged.filter((u) => u.noLongerInPlan).length;
  if (plan.changes.length === 0 && former > 0) {
    out.push(pc.bold(`No changes to run; ${former} object${former === 1 ? ' is' : 's are'} no longer in the plan (see above).`));
  } else if (plan.changes.length === 0) {
    out.push(pc.green('No changes. The migration service matches the plan.'));
  } else {
    const { add, change, remove } = plan.summary;
    out.push(pc.bold(`Plan: ${add} to add, ${change} to change, ${remove} to remove.`));
    if (plan.steps.length === 0) out.push('Nothing can be run now: every remaining change waits on the migration service (see the notes).');
  }
  return out.join('\n') + '\n';
}
