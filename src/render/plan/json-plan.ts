// Plan → the versioned `plan` JSON document. The markdown view is rendered from this document.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { Diagnostic } from '../../diag/index.js';
import { isConverged, noLongerInPlan } from '../../plan/index.js';
import type { Plan, ResourceChange } from '../../plan/index.js';
import { jsonHeader, maskedValue, toJsonDiagnostic } from '../common/json-document.js';
import type { JsonAction, JsonMembership, JsonPlanSummary, JsonResourceChange, PlanDocument } from './json-plan-types.js';
import { toJsonStep } from './json-step.js';

export interface PlanDocumentMeta {
  toolVersion: string;
  /** ISO-8601 UTC, from the injected clock (or the saved plan). */
  createdAt: string | null;
  planFile: string | null;
  savedPlan?: string | null;
  backend: { type: string; organization: string } | null;
  mode?: 'normal' | 'refresh-only';
  diagnostics?: readonly Diagnostic[];
}

const ACTIONS: Record<ResourceChange['action'], JsonAction[]> = {
  create: ['create'], update: ['update'], delete: ['delete'], replace: ['delete', 'create'], 'no-op': ['no-op'],
};

function side(c: ResourceChange, which: 'before' | 'after'): Record<string, unknown> | null {
  if ((which === 'before' && c.action === 'create') || (which === 'after' && c.action === 'delete')) return null;
  const out: Record<string, unknown> = {};
  for (const a of c.attributes) if (a[which] !== undefined) out[a.name] = maskedValue(a[which]);
  return out;
}

function membership(c: ResourceChange): JsonMembership | null {
  const m = c.membership;
  if (!m) return null;
  return {
    added: m.added, // shared, not copied: a batch adds up to 2,000 (nothing changes a plan once made)
    removed: [...m.removed],
    moved_in: m.movedIn.map((x) => ({ email: x.email, from: x.batch })),
    moved_out: m.movedOut.map((x) => ({ email: x.email, to: x.batch })),
  };
}

function toJsonChange(c: ResourceChange): JsonResourceChange {
  return {
    address: c.address, type: c.type, name: c.name, actions: ACTIONS[c.action], lifecycle: c.lifecycle ?? null,
    live_status: c.liveStatus ?? null, before: side(c, 'before'), after: side(c, 'after'), membership: membership(c), notes: [...c.notes],
    origin: c.origin ?? null, mailboxes_after: c.mailboxesAfter ?? null, unknown_status: c.unknownStatus ?? null,
    waits_for: c.waitsFor ?? null,
  };
}

function summary(plan: Plan | undefined): JsonPlanSummary {
  const m = { added: 0, removed: 0, moved: 0 };
  for (const c of plan?.changes ?? []) {
    m.added += c.membership?.added.length ?? 0;
    m.removed += c.membership?.removed.length ?? 0;
    m.moved += c.membership?.movedIn.length ?? 0;
  }
  const s = plan?.summary ?? { add: 0, change: 0, remove: 0 };
  return {
    add: s.add, change: s.change, remove: s.remove, steps: plan?.steps.length ?? 0, mailboxes: m,
    unmanaged: plan?.unmanaged.length ?? 0, drift: plan?.drift.length ?? 0, unknown: plan?.unknown?.length ?? 0,
  };
}

/** The document for a plan, or (plan undefined) for a plan that failed: then only the diagnostics say something. */
export function toPlanDocument(plan: Plan | undefined, meta: PlanDocumentMeta): PlanDocument {
  const diagnostics = (meta.diagnostics ?? []).map(toJsonDiagnostic);
  return {
    ...jsonHeader('plan', meta.toolVersion),
    kind: 'plan',
    created_at: meta.createdAt,
    plan_file: meta.planFile,
    saved_plan: meta.savedPlan ?? null,
    backend: meta.backend,
    mode: meta.mode ?? plan?.mode ?? 'normal',
    targets: plan?.targets ? [...plan.targets] : null,
    drift_baseline: plan?.driftBaseline ?? null,
    errored: plan === undefined || diagnostics.some((d) => d.severity === 'error'),
    applyable: (plan?.steps.length ?? 0) > 0,
    converged: plan !== undefined && isConverged(plan) && noLongerInPlan(plan).length === 0,
    summary: summary(plan),
    resource_changes: (plan?.changes ?? []).map(toJsonChange),
    steps: (plan?.steps ?? []).map(toJsonStep),
    unmanaged: (plan?.unmanaged ?? []).map((u) => ({
      address: u.address, status: u.status ?? null, mailboxes: u.mailboxes ?? null, no_longer_in_plan: u.noLongerInPlan === true,
    })),
    undetermined: plan?.undetermined ? [...plan.undetermined] : null,
    unknown: (plan?.unknown ?? []).map((o) => ({ kind: o.kind, name: o.name, batch: o.batch ?? null, status: o.status })),
    drift: (plan?.drift ?? []).map((d) => ({
      address: d.address, kind: d.kind, summary: d.summary, expected: maskedValue(d.expected), actual: maskedValue(d.actual),
    })),
    diagnostics,
  };
}
