// How each successful apply step changes the last-applied snapshot (mutates it in place).
//
// Must not: print; the record is only ever written atomically (files/atomic-write.ts).
import { appliedEntry, isCsvRef, nameKey } from '../../model/index.js';
import type { AppliedBatch, AppliedSnapshot, DesiredState, LiveState, LiveUser, Step } from '../../model/index.js';
import { appliedBatchFromLive, appliedBatchOf, appliedEndpointOf, lowerSorted } from '../../plan/index.js';
import type { Plan } from '../../plan/index.js';

/** Stores `value` under `name`, dropping entries that differ only in case. */
function put<T>(entries: Record<string, T>, name: string, value: T): void {
  for (const k of Object.keys(entries)) if (k !== name && nameKey(k) === nameKey(name)) delete entries[k];
  // defineProperty: a resource named `__proto__` is an own entry like any other, not the prototype.
  Object.defineProperty(entries, name, { value, enumerable: true, writable: true, configurable: true });
}

const param = (step: Step, name: string) => step.parameters.find(([k]) => k === name)?.[1];
const stepName = (step: Step): string => step.address.slice(step.address.indexOf('.') + 1);

export class AppliedRecord {
  readonly #live: LiveState;
  #members: Map<string, LiveUser[]> | undefined;

  constructor(readonly snapshot: AppliedSnapshot, readonly desired: DesiredState, live: LiveState) {
    this.#live = live;
  }

  /** The batch's entry, or (first change to a batch stagemig never recorded) the batch as it was live. */
  #batch(name: string): AppliedBatch {
    const known = appliedEntry(this.snapshot.batches, name);
    if (known) return known;
    if (!this.#members) {
      this.#members = new Map();
      for (const u of this.#live.users) {
        const list = this.#members.get(nameKey(u.batch));
        if (list) list.push(u);
        else this.#members.set(nameKey(u.batch), [u]);
      }
    }
    const live = this.#live.batches.find((b) => nameKey(b.name) === nameKey(name));
    return appliedBatchFromLive(live, this.#members.get(nameKey(name)) ?? []);
  }

  step(step: Step): void {
    const name = stepName(step);
    const canonical = (list: readonly { name: string }[]) => list.find((x) => nameKey(x.name) === nameKey(name))?.name ?? name;
    if (step.action === 'new-endpoint' || step.action === 'set-endpoint' || step.action === 'remove-endpoint') {
      const e = this.desired.endpoints.find((x) => nameKey(x.name) === nameKey(name));
      const value = step.action === 'remove-endpoint' || !e ? { state: 'removed' as const } : appliedEndpointOf(e);
      put(this.snapshot.endpoints, canonical(this.desired.endpoints), value);
      return;
    }
    const key = canonical(this.desired.batches);
    const csv = param(step, 'CSVData');
    const emails = csv !== undefined && isCsvRef(csv) ? csv.csv.emails : [];
    if (step.action === 'new-batch') {
      const notify = param(step, 'NotificationEmails');
      const state = param(step, 'AutoStart') === true ? 'started' : 'stopped';
      put(this.snapshot.batches, key, { state, notificationEmails: Array.isArray(notify) ? [...notify] : [], users: lowerSorted(emails) });
      return;
    }
    if (step.action === 'remove-batch') {
      put(this.snapshot.batches, key, { state: 'removed', notificationEmails: [], users: [] });
      return;
    }
    const b = { ...this.#batch(name) };
    if (step.action === 'add-users') b.users = lowerSorted([...b.users, ...emails]);
    if (step.action === 'remove-user') {
      const gone = String(param(step, 'Identity') ?? '').toLowerCase();
      b.users = b.users.filter((u) => u !== gone);
    }
    if (step.action === 'set-batch') {
      const notify = param(step, 'NotificationEmails');
      b.notificationEmails = Array.isArray(notify) ? [...notify] : [];
    }
    if (step.action === 'start-batch') b.state = 'started';
    if (step.action === 'stop-batch') b.state = 'stopped';
    put(this.snapshot.batches, key, b);
  }

  /**
   * After apply: resources in scope that the plan left unchanged match the YAML, so the YAML is what
   * stagemig last applied. Without --target, entries for resources no longer in the YAML are dropped.
   */
  settle(plan: Plan): void {
    const changed = new Set(plan.changes.map((c) => c.address.toLowerCase()));
    const scope = plan.targets ? new Set(plan.targets.map((t) => t.toLowerCase())) : undefined;
    const inScope = (address: string) => !changed.has(address.toLowerCase()) && (!scope || scope.has(address.toLowerCase()));
    for (const e of this.desired.endpoints) if (inScope(`endpoint.${e.name}`)) put(this.snapshot.endpoints, e.name, appliedEndpointOf(e));
    for (const b of this.desired.batches) if (inScope(`batch.${b.name}`)) put(this.snapshot.batches, b.name, appliedBatchOf(b));
    if (scope) return;
    const keep = (names: string[]) => new Set(names.map(nameKey));
    const endpoints = keep(this.desired.endpoints.map((e) => e.name));
    const batches = keep(this.desired.batches.map((b) => b.name));
    for (const k of Object.keys(this.snapshot.endpoints)) if (!endpoints.has(nameKey(k))) delete this.snapshot.endpoints[k];
    for (const k of Object.keys(this.snapshot.batches)) if (!batches.has(nameKey(k))) delete this.snapshot.batches[k];
  }
}
