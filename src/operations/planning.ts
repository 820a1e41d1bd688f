// Planning with the options `plan` and `apply` share: --target, --allow-remove, --refresh-only, and the
// last-applied snapshot that lets the planner tell drift from YAML changes. Must not print.
import { readFile } from 'node:fs/promises';
import { didYouMean } from '../config/text/did-you-mean.js';
import { error, StagemigError, warning } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { batchAddress, endpointAddress } from '../model/index.js';
import type { AppliedSnapshot, DesiredState, LicensingState, LiveState } from '../model/index.js';
import { buildPlan, protectionDiagnostics, refreshOnlyPlan, resolveTarget, targetPlan } from '../plan/index.js';
import { UNKNOWN_HINT } from '../plan/unknown-status.js';
import type { Plan } from '../plan/index.js';

export interface PlanningOptions {
  /** --target values (batch.NAME / endpoint.NAME), repeatable. */
  targets?: string[];
  allowRemove?: boolean;
  refreshOnly?: boolean;
  /** --allow-csv-outside */
  allowCsvOutside?: boolean;
}

/** Canonical target addresses; a target that names nothing in the YAML is a usage error. */
export function checkTargets(desired: DesiredState, targets: readonly string[]): string[] {
  const known = [...desired.endpoints.map((e) => endpointAddress(e.name)), ...desired.batches.map((b) => batchAddress(b.name))];
  const diags: Diagnostic[] = [];
  const out: string[] = [];
  for (const t of targets) {
    const found = resolveTarget(desired, t);
    if (found) out.push(found);
    else diags.push(error('USAGE', `--target ${t} does not name an endpoint or batch in the plan`, {
      hint: didYouMean(t, known) ?? `Use batch.NAME or endpoint.NAME; the plan has ${known.join(', ') || 'no resources'}.`,
    }));
  }
  if (diags.length > 0) throw new StagemigError(diags);
  return out;
}

/** The YAML line of each diagnostic that points into the plan file, for a caret excerpt. */
async function withExcerpts(diags: Diagnostic[], planFile: string): Promise<Diagnostic[]> {
  const lines = (await readFile(planFile, 'utf8').catch(() => '')).split(/\r?\n/);
  return diags.map((d) => (d.range && d.excerpt === undefined && lines[d.range.start.line - 1] !== undefined
    ? { ...d, excerpt: lines[d.range.start.line - 1] } : d));
}

/** Plans with the options; a protected removal aborts with PROTECTED_RESOURCE errors. */
export async function planWithOptions(
  desired: DesiredState, live: LiveState, applied: AppliedSnapshot | undefined, opts: PlanningOptions & { now: Date; licensing?: LicensingState },
): Promise<Plan> {
  let plan = buildPlan(desired, live, { applied: applied ?? null, now: opts.now, allowRemove: opts.allowRemove === true, ...(opts.licensing ? { licensing: opts.licensing } : {}) });
  if (opts.targets && opts.targets.length > 0) plan = targetPlan(plan, desired, opts.targets);
  if (opts.refreshOnly) return refreshOnlyPlan(plan);
  const refused = protectionDiagnostics(plan, desired, live, { allowRemove: opts.allowRemove === true });
  if (refused.length > 0) throw new StagemigError(await withExcerpts(refused, desired.planFile));
  return plan;
}

/** One warning per batch removal that --allow-remove lets through a closed gate (seed step 6). */
export function skippedGateWarnings(plan: Plan, desired: DesiredState): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of plan.changes) {
    if (!c.skippedGates || c.skippedGates.length === 0) continue;
    const b = desired.batches.find((x) => x.name.toLowerCase() === c.name.toLowerCase());
    out.push(warning('REMOVAL_GATE_SKIPPED', `--allow-remove: removing ${c.address} although ${c.skippedGates.map((g) => g.summary).join('; ')}`, {
      address: c.address, ...(b ? { range: b.source } : {}),
      detail: 'Removing a staged batch deletes its migration records: mail that still reaches the on-premises mailboxes is no longer copied to Microsoft 365.',
      hint: 'Drop --allow-remove to hold the removal until every gate opens (stagemig plan shows when).',
    }));
  }
  return out;
}

/** One warning per batch or migration user whose status the service gave in a value stagemig does not know. */
export function unknownStatusWarnings(live: LiveState): Diagnostic[] {
  return (live.unknown ?? []).map((o) => o.kind === 'batch'
    ? warning('UNKNOWN_STATUS', `Batch ${o.name} has status "${o.status}", which stagemig does not know: nothing is planned for it or its mailboxes`, {
      address: batchAddress(o.name), hint: UNKNOWN_HINT,
    })
    : warning('UNKNOWN_STATUS', `Migration user ${o.name} (batch ${o.batch ?? '?'}) has status "${o.status}", which stagemig does not know: nothing is planned for it`, {
      ...(o.batch !== undefined ? { address: batchAddress(o.batch) } : {}), hint: UNKNOWN_HINT,
    }));
}
