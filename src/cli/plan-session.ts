import { loadPlan } from '../config/index.js';
import { hasErrors, StagemigError } from '../diag/index.js';
import { openBackend } from '../backends/index.js';
import type { Backend } from '../backends/index.js';
import { loadApplied } from '../apply/applied/index.js';
import type { AppliedSnapshot, DesiredState, LiveState } from '../model/index.js';
import type { Plan } from '../plan/index.js';
import { renderDiagnostics } from '../render/common/diagnostics.js';
import type { Io } from './io.js';
import { licenseDiagnostics, readLicensingFor } from './licensing-read.js';
import { preflightWarnings } from '../operations/check/plan-warnings.js';
import { checkTargets, planWithOptions, skippedGateWarnings, type PlanningOptions } from './planning.js';

export interface PlanSession {
  desired: DesiredState;
  backend: Backend;
  live: LiveState;
  plan: Plan;
  /** What stagemig last applied (src/model/applied.ts), when recorded for this plan's service. */
  applied?: AppliedSnapshot;
  /** Plans again with the same options (targets, protection, snapshot) against fresher live state. */
  replan: (live: LiveState) => Promise<Plan>;
}

/** Loads the YAML (aborting on errors), opens the backend, reads the live state once and plans. */
/** `warnUnsetSecrets`: plan warns about unset secret variables; apply checks them itself and refuses. */
export async function openPlanSession(planPath: string, io: Io, options: PlanningOptions = {}, load: { warnUnsetSecrets?: boolean } = {}): Promise<PlanSession> {
  const { desired, diagnostics } = await loadPlan(planPath, { cwd: io.cwd, ...(load.warnUnsetSecrets ? { warnUnsetSecretsIn: io.env } : {}) });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  const opts = { ...options, targets: checkTargets(desired, options.targets ?? []) };
  const { snapshot: applied, diagnostics: notes } = await loadApplied(desired);
  diagnostics.push(...notes);
  if (diagnostics.length > 0) io.stderr(renderDiagnostics(diagnostics, { color: io.color }));
  const backend = await openBackend(desired.backend, { now: io.now, env: io.env, organization: desired.organization, onInterrupt: io.onInterrupt, ...(io.log ? { log: io.log } : {}) });
  // The removal gates compare recorded times with the service's clock (the simulated one on the simulator).
  // Licences are read again with every live read: apply --wait must see the ones it just assigned.
  const replan = async (live: LiveState): Promise<Plan> => {
    const licensing = await readLicensingFor(desired, backend);
    const refused = licenseDiagnostics(desired, licensing);
    if (refused.length > 0) throw new StagemigError(refused);
    return planWithOptions(desired, live, applied, { ...opts, now: backend.clock ? await backend.clock.now() : io.now(), ...(licensing ? { licensing } : {}) });
  };
  try {
    const live = await backend.readLive();
    const plan = await replan(live);
    const skipped = [...skippedGateWarnings(plan, desired), ...preflightWarnings(desired, live)];
    if (skipped.length > 0) io.stderr(renderDiagnostics(skipped, { color: io.color }));
    return { desired, backend, live, plan, replan, ...(applied ? { applied } : {}) };
  } catch (err) {
    await backend.close();
    throw err;
  }
}
