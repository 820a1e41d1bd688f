// A plan session: the plan loaded, the backend open, the live state read once and planned against.
// `plan`, `apply` and `apply --wait` all start here. The caller closes session.backend.
// Must not: print (warnings are returned), or keep the backend open when opening fails half-way.
import { loadApplied } from '../apply/applied/index.js';
import type { Backend } from '../backends/index.js';
import { StagemigError, type Diagnostic } from '../diag/index.js';
import type { AppliedSnapshot, DesiredState, LiveState } from '../model/index.js';
import type { Plan } from '../plan/index.js';
import type { Host } from './host.js';
import { loadDesired } from './load-desired.js';
import { preflightWarnings } from './check/plan-warnings.js';
import { licenseDiagnostics, readLicensingFor } from './licensing-read.js';
import { openBackendFor } from './open-backend.js';
import { checkTargets, planWithOptions, skippedGateWarnings, unknownStatusWarnings, type PlanningOptions } from './planning.js';

export interface PlanSession {
  desired: DesiredState;
  backend: Backend;
  live: LiveState;
  plan: Plan;
  /** What stagemig last applied (src/model/applied.ts), when recorded for this plan's service. */
  applied?: AppliedSnapshot;
  /** Warnings from loading the plan and the last-applied record, for the command's view. */
  warnings: Diagnostic[];
  /** The planning options, with canonical target addresses. */
  options: PlanningOptions;
  /** Plans again with the same options (targets, protection, snapshot) against fresher live state. */
  replan: (live: LiveState) => Promise<Plan>;
}

/** Loads the YAML (aborting on errors), opens the backend, reads the live state once and plans. */
export async function openPlanSession(
  host: Host, planPath: string, options: PlanningOptions = {}, load: { warnUnsetSecrets?: boolean; digestInputs?: boolean } = {},
): Promise<PlanSession> {
  const { desired, warnings } = await loadDesired(host, planPath, { ...load, allowCsvOutside: options.allowCsvOutside === true });
  const opts = { ...options, targets: checkTargets(desired, options.targets ?? []) };
  const { snapshot: applied, diagnostics: notes } = await loadApplied(desired);
  warnings.push(...notes);
  const backend = await openBackendFor(host, desired);
  // The removal gates compare recorded times with the service's clock (the simulated one on the simulator).
  // Licences are read again with every live read: apply --wait must see the ones it just assigned.
  const replan = async (live: LiveState): Promise<Plan> => {
    const licensing = await readLicensingFor(desired, backend);
    const refused = licenseDiagnostics(desired, licensing);
    if (refused.length > 0) throw new StagemigError(refused);
    return planWithOptions(desired, live, applied, { ...opts, now: backend.clock ? await backend.clock.now() : host.clock.now(), ...(licensing ? { licensing } : {}) });
  };
  try {
    const live = await backend.readLive();
    const plan = await replan(live);
    warnings.push(...unknownStatusWarnings(live), ...skippedGateWarnings(plan, desired), ...preflightWarnings(desired, live));
    return { desired, backend, live, plan, replan, warnings, options: opts, ...(applied ? { applied } : {}) };
  } catch (err) {
    await backend.close();
    throw err;
  }
}
