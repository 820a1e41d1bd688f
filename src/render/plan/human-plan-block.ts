// One resource's block in the terminal plan (Terraform's style), rendered from the plan document.
// Every string from users or the service is made safe for the terminal here, as it is printed.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { count } from '../../model/index.js';
import type { createColors } from 'picocolors';
import type { JsonMembership, JsonResourceChange } from './json-plan-types.js';
import { LIST_LIMIT, type ListOptions } from './plan-lists.js';
import { forTerminal, termText } from '../common/safe-text.js';

type Colors = ReturnType<typeof createColors>;

const n = count;
const show = (v: unknown): string => (v === undefined ? '(unset)' : JSON.stringify(forTerminal(v)));

function symbol(c: JsonResourceChange): string {
  const a = c.actions.join(',');
  return a === 'create' ? '+' : a === 'update' ? '~' : a === 'delete' ? '-' : a === 'delete,create' ? '-/+' : ' ';
}

function headline(c: JsonResourceChange): string {
  const a = c.actions.join(',');
  if (a === 'create') return c.lifecycle === 'start' ? 'will be created and started' : 'will be created';
  if (a === 'delete') return 'will be removed';
  if (a === 'delete,create') return 'must be replaced';
  if (a === 'update') {
    if (c.lifecycle === 'start') return 'will be updated and started';
    if (c.lifecycle === 'stop') return 'will be stopped';
    return 'will be updated in place';
  }
  switch (c.waits_for) {
    case 'admin': return 'needs your decision (it will not change by itself)';
    case 'gates': return 'is held by its removal gates';
    case 'unknown-status': return 'has a status stagemig does not know (nothing planned)';
    case 'finished': return 'is finished';
    case 'nothing': return 'needs nothing (see the notes)';
    default: return 'is waiting on the migration service';
  }
}

function colourFor(c: JsonResourceChange, pc: Colors): (s: string) => string {
  const a = c.actions.join(',');
  if (a === 'create') return pc.green;
  if (a === 'delete') return pc.red;
  if (a === 'update' || a === 'delete,create') return pc.yellow;
  return (s) => s;
}

function attributeLines(c: JsonResourceChange, pc: Colors): string[] {
  const before = c.before ?? {};
  const after = c.after ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const width = Math.max(0, ...names.map((k) => termText(k).length));
  return names.map((k) => {
    const name = termText(k).padEnd(width);
    if (!(k in before)) return pc.green(`      + ${name} = ${show(after[k])}`);
    if (!(k in after)) return pc.red(`      - ${name} = ${show(before[k])}`);
    return pc.yellow(`      ~ ${name} = ${show(before[k])} -> ${show(after[k])}`);
  });
}

/** Moves summarised by the other batch: "< 100 moving in from batch.W2". */
function movesByBatch(moves: readonly string[], sign: string, verb: string, pc: Colors): string[] {
  const counts = new Map<string, number>();
  for (const b of moves) counts.set(b, (counts.get(b) ?? 0) + 1);
  return [...counts].map(([b, k]) => pc.yellow(`          ${sign} ${n(k)} ${verb} batch.${termText(b)}`));
}

function membershipLines(m: JsonMembership, pc: Colors, opts: ListOptions): string[] {
  const counts = [
    m.added.length && `${n(m.added.length)} to add`, m.removed.length && `${n(m.removed.length)} to remove`,
    m.moved_in.length && `${n(m.moved_in.length)} moving in`, m.moved_out.length && `${n(m.moved_out.length)} moving out`,
  ].filter(Boolean);
  const total = m.added.length + m.removed.length + m.moved_in.length + m.moved_out.length;
  if (!opts.full && total > LIST_LIMIT) {
    return [
      `      ~ mailboxes (${counts.join(', ')}; listed with --full)`,
      ...movesByBatch(m.moved_in.map((x) => x.from), '<', 'moving in from', pc),
      ...movesByBatch(m.moved_out.map((x) => x.to), '>', 'moving out to', pc),
    ];
  }
  return [
    `      ~ mailboxes (${counts.join(', ')})`,
    ...m.added.map((e) => pc.green(`          + ${termText(e)}`)),
    ...m.removed.map((e) => pc.red(`          - ${termText(e)}`)),
    ...m.moved_in.map((x) => pc.yellow(`          < ${termText(x.email)} (from batch.${termText(x.from)})`)),
    ...m.moved_out.map((x) => pc.yellow(`          > ${termText(x.email)} (to batch.${termText(x.to)})`)),
  ];
}

export function blockLines(c: JsonResourceChange, pc: Colors, opts: ListOptions): string[] {
  const colour = colourFor(c, pc);
  const status = c.live_status ? ` (now ${termText(c.live_status)})` : '';
  const lines = [pc.bold(`  # ${termText(c.address)} ${headline(c)}${status}`), colour(`  ${symbol(c)} ${c.type} "${termText(c.name)}" {`)];
  lines.push(...attributeLines(c, pc));
  if (c.membership) lines.push(...membershipLines(c.membership, pc, opts));
  lines.push(colour('    }'));
  for (const note of c.notes) lines.push(pc.cyan(`    note: ${termText(note)}`));
  return lines;
}

/**
 * True when the per-batch table and the cmdlet list already say everything about the change: a new
 * batch, or a batch whose mailboxes change (and that may be started), with no notes and no drift.
 */
export function tableTellsAll(c: JsonResourceChange): boolean {
  if (c.type !== 'batch' || c.notes.length > 0 || (c.origin !== null && c.origin !== 'config')) return false;
  const a = c.actions.join(',');
  if (a === 'create') return true;
  return a === 'update' && c.lifecycle !== 'stop' && Object.keys(c.before ?? {}).every((k) => k === 'state');
}
