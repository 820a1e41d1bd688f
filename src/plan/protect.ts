// Protection against removal (Terraform's prevent_destroy, default on): a plan that removes an
// endpoint, or a batch whose mailboxes are not all Synced, fails unless the resource says
// `protect: false` or the run passes --allow-remove. Pure.
// Must not: do I/O, or warn where it must refuse: a protected removal is an error diagnostic, which stops the plan.
import { error } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { nameKey } from '../model/index.js';
import type { DesiredState, LiveState, UserStatus } from '../model/index.js';
import type { Plan } from './plan.js';

/** User statuses at which a staged mailbox is done: removing the batch loses nothing. */
const DONE: ReadonlySet<UserStatus> = new Set(['Synced', 'IncrementalSynced', 'CompletionSynced', 'Completed']);

function notSyncedCounts(live: LiveState, batch: string): { total: number; pending: Map<string, number> } {
  const pending = new Map<string, number>();
  let total = 0;
  for (const u of live.users) {
    if (nameKey(u.batch) !== nameKey(batch)) continue;
    total++;
    if (!DONE.has(u.status)) pending.set(u.status, (pending.get(u.status) ?? 0) + 1);
  }
  return { total, pending };
}

const HOW = 'pass --allow-remove to plan/apply, or set `protect: false` on it in the YAML';

export function protectionDiagnostics(plan: Plan, desired: DesiredState, live: LiveState, opts: { allowRemove: boolean }): Diagnostic[] {
  if (opts.allowRemove) return [];
  const out: Diagnostic[] = [];
  for (const c of plan.changes) {
    if (c.action !== 'delete' && c.action !== 'replace') continue;
    if (c.type === 'endpoint') {
      const e = desired.endpoints.find((x) => nameKey(x.name) === nameKey(c.name));
      if (!e || !e.protect) continue;
      out.push(error('PROTECTED_RESOURCE', `Refusing to plan the removal of ${c.address}: endpoints are protected against removal`, {
        address: c.address, range: e.source,
        detail: 'Removing a migration endpoint cannot be undone from stagemig: batches can no longer use it and its credentials are gone.',
        hint: `If the removal is intended, ${HOW}.`,
      }));
      continue;
    }
    // A never-started batch replaced with its new CSV loses nothing: no mailbox was migrated yet.
    if (c.action === 'replace' && c.liveStatus === 'Created') continue;
    const b = desired.batches.find((x) => nameKey(x.name) === nameKey(c.name));
    if (!b || !b.protect) continue;
    const { total, pending } = notSyncedCounts(live, c.name);
    if (pending.size === 0) continue;
    const n = [...pending.values()].reduce((x, y) => x + y, 0);
    const by = [...pending].sort(([a], [z]) => (a < z ? -1 : 1)).map(([s, k]) => `${k} ${s}`).join(', ');
    out.push(error('PROTECTED_RESOURCE', `Refusing to plan the removal of ${c.address}: ${n} of its ${total} mailboxes are not Synced (${by})`, {
      address: c.address, range: b.source,
      detail: 'Removing a batch stops the migration of its mailboxes and deletes their migration data; mail sent to on-premises mailboxes is no longer copied.',
      hint: `Wait until every mailbox is Synced (stagemig status), or, if the removal is intended, ${HOW}.`,
    }));
  }
  return out;
}
