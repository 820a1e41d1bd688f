// Applies the removal gates (removal-gates.ts) to a batch removal the diff proposes: a closed gate
// holds the removal (no step; the change says which gate holds it and when it opens, so
// --detailed-exitcode reports it pending); with --allow-remove the removal goes ahead and the change
// names every gate it skips.
//
// Must not: do I/O or read the clock: the planner is pure.
import type { DesiredBatch } from '../model/index.js';
import { nameKey } from '../model/index.js';
import type { PlanContext } from './plan-context.js';
import { gateText, removalGates } from './removal-gates.js';
import type { BatchDiff } from './diff-batch.js';

export function gateRemoval(b: DesiredBatch, ctx: PlanContext, proposed: BatchDiff): BatchDiff {
  const change = proposed.change;
  if (!change || (proposed.steps.length === 0 && change.notes.length === 0)) return proposed;
  const users = (ctx.liveUsersByBatch.get(nameKey(b.name)) ?? []).map((k) => k.user);
  // A batch without mailboxes has nothing to lose: no mailbox to convert, sync or forward.
  if (users.length === 0) return proposed;
  const closed = removalGates(b, users, ctx.gating.cutover, ctx.gating.now).filter((g) => !g.open);
  if (closed.length === 0) return proposed;
  if (ctx.gating.allowRemove) {
    const skipped = `--allow-remove skips ${closed.length === 1 ? 'a closed gate' : `${closed.length} closed gates`}: ${closed.map((g) => g.summary).join('; ')}.`;
    return { change: { ...change, notes: [skipped, ...change.notes], skippedGates: closed }, steps: proposed.steps };
  }
  return {
    change: { ...change, action: 'no-op', notes: closed.map((g) => `Removal held: ${gateText(g)}.`), heldBy: closed, waitsFor: 'gates' },
    steps: [],
  };
}
