// The planner's entry: desired + live (+ last applied, licences, gates) → the ordered steps and the changes per
// resource, counted as Terraform counts them.
//
// Must not: do I/O, read the clock (the time comes in) or call a backend: the planner is pure.
import { appliedEntry, batchAddress, compareText, endpointAddress, nameKey } from '../model/index.js';
import type { AppliedSnapshot, CloudUser, DesiredBatch, DesiredState, LicensingState, LiveBatch, LiveState, Step } from '../model/index.js';
import { cloudUsersByAddress, diffLicenses, type LicenseDiff } from './diff-licenses.js';
import type { PlanContext } from './plan-context.js';
import { buildContext } from './plan-context.js';
import { diffBatch, type BatchDiff } from './diff-batch.js';
import { diffEndpoint } from './diff-endpoints.js';
import { detectDrift } from './drift.js';
import { orderSteps } from './order.js';
import type { Plan, PlanSummary, ResourceChange, UnmanagedObject } from './plan.js';

export interface PlanInputs {
  /** What stagemig last applied (loaded by the CLI); absent or null: drift cannot be told apart. */
  applied?: AppliedSnapshot | null;
  /** The service's time, for the removal gates (default: the epoch, so every recorded time is in the future). */
  now?: Date;
  /** --allow-remove: plan removals whose gates are closed, naming what is skipped. */
  allowRemove?: boolean;
  /** Microsoft Graph's view of licences; needed when a batch declares `license`. */
  licensing?: LicensingState;
}

/** Terraform's counting: a replace is one add and one remove; only resources with a step to run count. */
export function summarise(changes: readonly ResourceChange[], steps: readonly Step[]): PlanSummary {
  const withSteps = new Set(steps.map((s) => s.address));
  const s: PlanSummary = { add: 0, change: 0, remove: 0 };
  for (const c of changes) {
    if (!withSteps.has(c.address)) continue;
    if (c.action === 'create' || c.action === 'replace') s.add++;
    if (c.action === 'update') s.change++;
    if (c.action === 'delete' || c.action === 'replace') s.remove++;
  }
  return s;
}

function unmanagedObjects(desired: DesiredState, live: LiveState, applied: AppliedSnapshot | null | undefined): UnmanagedObject[] {
  const endpoints = new Set(desired.endpoints.map((e) => nameKey(e.name)));
  const batches = new Set(desired.batches.map((b) => nameKey(b.name)));
  /** stagemig applied it and has not removed it: its YAML block was deleted. */
  const former = (entries: Record<string, { state: string }> | undefined, name: string) => {
    const entry = entries ? appliedEntry(entries, name) : undefined;
    return entry !== undefined && entry.state !== 'removed' ? { noLongerInPlan: true } : {};
  };
  const out: UnmanagedObject[] = [];
  for (const e of live.endpoints) {
    if (!endpoints.has(nameKey(e.name))) out.push({ address: endpointAddress(e.name), ...former(applied?.endpoints, e.name) });
  }
  for (const b of live.batches) {
    if (!batches.has(nameKey(b.name))) {
      out.push({ address: batchAddress(b.name), status: b.status, mailboxes: b.totalCount, ...former(applied?.batches, b.name) });
    }
  }
  for (const o of live.unknown ?? []) {
    if (o.kind === 'batch' && !batches.has(nameKey(o.name))) {
      out.push({ address: batchAddress(o.name), status: o.status, ...former(applied?.batches, o.name) });
    }
  }
  return out.sort((a, b) => compareText(a.address, b.address));
}

/** Adds a batch's licence assignments (seed step 7) to its change. */
function withLicenses(d: BatchDiff, b: DesiredBatch, lic: LicenseDiff, ctx: PlanContext): BatchDiff {
  if (lic.steps.length === 0 && lic.notes.length === 0) return d;
  const live = ctx.liveBatches.get(nameKey(b.name));
  const change: ResourceChange = d.change
    ? { ...d.change, attributes: [...d.change.attributes], notes: [...d.change.notes] }
    : { address: batchAddress(b.name), type: 'batch', name: live?.name ?? b.name, action: 'no-op', attributes: [], notes: [], ...(live ? { liveStatus: live.status } : {}) };
  if (lic.attribute) change.attributes.push(lic.attribute);
  change.notes.push(...lic.notes);
  if (lic.steps.length > 0 && change.action === 'no-op') change.action = 'update';
  return { change, steps: [...d.steps, ...lic.steps] };
}

/** Pure: the YAML's desired state and the service's live state → the ordered steps that reconcile them. */
export function buildPlan(desired: DesiredState, live: LiveState, inputs: PlanInputs = {}): Plan {
  const ctx = buildContext(desired, live, { now: inputs.now ?? new Date(0), allowRemove: inputs.allowRemove === true });
  const changes: ResourceChange[] = [];
  const steps: Step[] = [];
  // A live batch that goes away without the admin: the service is removing it, or this plan removes it.
  const leaving = (b: LiveBatch): boolean => b.status === 'Removing' || ctx.desiredBatches.get(nameKey(b.name))?.state === 'removed';
  for (const e of desired.endpoints) {
    const d = diffEndpoint(e, ctx.liveEndpoints.get(nameKey(e.name)), live.batches, leaving);
    if (d.change) changes.push(d.change);
    steps.push(...d.steps);
  }
  const cloudUsers = inputs.licensing ? cloudUsersByAddress(inputs.licensing.users) : new Map<string, CloudUser>();
  for (const b of desired.batches) {
    const d = withLicenses(diffBatch(b, ctx), b, diffLicenses(b, ctx, inputs.licensing, cloudUsers), ctx);
    if (d.change) changes.push(d.change);
    steps.push(...d.steps);
  }
  changes.sort((a, b) => compareText(a.address, b.address));
  const ordered = orderSteps(steps);
  const plan: Plan = { changes, steps: ordered, unmanaged: unmanagedObjects(desired, live, inputs.applied), drift: [], summary: summarise(changes, ordered) };
  if (live.unknown && live.unknown.length > 0) plan.unknown = live.unknown;
  if (!inputs.applied) return { ...plan, driftBaseline: 'none' };
  const drift = detectDrift(desired, ctx, inputs.applied);
  for (const c of changes) c.origin = drift.origins.get(c.address) ?? 'config';
  return { ...plan, drift: drift.items, driftBaseline: 'last-applied' };
}
