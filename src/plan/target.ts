// --target: limit a plan to some resources and what they depend on (Terraform's -target). Pure.
// Must not: do I/O, or drop a step a targeted resource needs (its endpoint; removals of mailboxes moving into it).
import { batchAddress, endpointAddress, nameKey } from '../model/index.js';
import type { DesiredState, Step } from '../model/index.js';
import { summarise } from './build-plan.js';
import type { Plan, ResourceChange } from './plan.js';

const key = (address: string): string => address.toLowerCase();

/**
 * The addresses a plan limited to `targets` covers: each target, the endpoint a targeted batch uses
 * (its create or update runs first), in canonical spelling. Unknown targets are left out (the CLI
 * reports them before planning).
 */
export function targetScope(desired: DesiredState, targets: readonly string[]): Set<string> {
  const scope = new Set<string>();
  const wanted = new Set(targets.map(key));
  for (const e of desired.endpoints) if (wanted.has(key(endpointAddress(e.name)))) scope.add(key(endpointAddress(e.name)));
  for (const b of desired.batches) {
    if (!wanted.has(key(batchAddress(b.name)))) continue;
    scope.add(key(batchAddress(b.name)));
    scope.add(key(endpointAddress(b.endpoint)));
  }
  return scope;
}

const removedUser = (s: Step): string => String(s.parameters[0]?.[1] ?? '').toLowerCase();

/**
 * A batch outside the scope keeps only the removals of mailboxes that move into a targeted batch:
 * the move cannot finish without them.
 */
function moveSource(c: ResourceChange, scope: Set<string>): ResourceChange | undefined {
  const out = (c.membership?.movedOut ?? []).filter((m) => scope.has(key(batchAddress(m.batch))));
  if (c.type !== 'batch' || out.length === 0) return undefined;
  const { lifecycle: _dropped, mailboxesAfter: _partial, ...rest } = c;
  return {
    ...rest, action: 'update', attributes: [], membership: { added: [], removed: [], movedIn: [], movedOut: out },
    notes: ['Only the mailboxes moving to targeted batches are shown (--target).'],
  };
}

export function targetPlan(plan: Plan, desired: DesiredState, targets: readonly string[]): Plan {
  const scope = targetScope(desired, targets);
  const changes: ResourceChange[] = [];
  const moving = new Set<string>();
  for (const c of plan.changes) {
    if (scope.has(key(c.address))) {
      changes.push(c);
      continue;
    }
    const source = moveSource(c, scope);
    if (!source) continue;
    changes.push(source);
    for (const m of source.membership!.movedOut) moving.add(`${key(c.address)} ${m.email.toLowerCase()}`);
  }
  const steps = plan.steps.filter((s) =>
    scope.has(key(s.address)) || (s.action === 'remove-user' && moving.has(`${key(s.address)} ${removedUser(s)}`)));
  const names = [...desired.endpoints.map((e) => endpointAddress(e.name)), ...desired.batches.map((b) => batchAddress(b.name))];
  return {
    ...plan,
    changes,
    steps,
    unmanaged: [],
    drift: plan.drift.filter((d) => scope.has(key(d.address))),
    targets: names.filter((n) => scope.has(key(n))),
    summary: summarise(changes, steps),
  };
}

/** Canonical `batch.NAME` / `endpoint.NAME` for a --target value, or undefined when it names nothing. */
export function resolveTarget(desired: DesiredState, target: string): string | undefined {
  const m = /^(batch|endpoint)\.(.+)$/i.exec(target.trim());
  if (!m) return undefined;
  const name = nameKey(m[2]!);
  if (m[1]!.toLowerCase() === 'batch') {
    const b = desired.batches.find((x) => nameKey(x.name) === name);
    return b && batchAddress(b.name);
  }
  const e = desired.endpoints.find((x) => nameKey(x.name) === name);
  return e && endpointAddress(e.name);
}
