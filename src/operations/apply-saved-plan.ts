// `stagemig apply <saved-plan-file>`: runs exactly the reviewed steps, with no prompt, after checking
// that the inputs and the live objects are those the plan was made from (else "Saved plan is stale").
// Must not: print (see operations/apply.ts for the events), or run anything when a check fails.
import { loadPlanResult } from './load-desired.js';
import { createAppliedRecorder, loadApplied } from '../apply/applied/index.js';
import { checkSecrets, type ApplyOutcome } from '../apply/index.js';
import { preflightSavedPlan, readSavedPlan, savedPlanFacts, type SavedPlanFacts, type SavedPlanFile, type SniffedSavedPlan } from '../apply/saved-plan/index.js';
import type { Backend } from '../backends/index.js';
import type { AppliedSnapshot, DesiredState, LiveState } from '../model/index.js';
import { licenseDiagnostics, readLicensingFor } from './licensing-read.js';
import { withPlanLock } from './plan-lock.js';
import { checkTargets, planWithOptions } from './planning.js';
import { error, StagemigError } from '../diag/index.js';
import type { Plan } from '../plan/index.js';
import type { Host } from './host.js';
import { openBackendFor } from './open-backend.js';
import type { PlanningOptions } from './planning.js';
import { runSteps, type StepEvents } from './run-steps.js';

export interface SavedApplyEvents extends StepEvents {
  /** The checks passed; `steps` cmdlets are about to run. */
  savedPlanAccepted: (facts: SavedPlanFacts, steps: number) => void;
  /** The steps ran (or stopped at a failure or Ctrl-C); `plan` is the plan they came from. */
  applyFinished: (outcome: ApplyOutcome, plan: Plan) => void;
}

export interface SavedApplyResult {
  plan: Plan;
  /** Absent when the saved plan had no steps. */
  outcome?: ApplyOutcome;
}

/** Planning options were fixed when the plan was saved (as Terraform refuses them with a plan file). */
function refusePlanningOptions(file: string, opts: PlanningOptions): void {
  const given = [opts.targets?.length ? '--target' : '', opts.allowRemove ? '--allow-remove' : ''].filter(Boolean);
  if (given.length === 0) return;
  throw new StagemigError([error('USAGE', `${given.join(' and ')} cannot be used with a saved plan`, {
    detail: `${file} already holds the exact steps to run; planning options were fixed when it was made.`,
    hint: 'Pass them to `stagemig plan --out` instead, review the new plan, and apply that file.',
  })]);
}

/** `sniffed`: the file as apply read it to tell a saved plan from a YAML (it is not read again). */
export async function applySavedPlan(host: Host, file: string, opts: PlanningOptions, events: SavedApplyEvents, sniffed?: SniffedSavedPlan): Promise<SavedApplyResult> {
  refusePlanningOptions(file, opts);
  const saved = await readSavedPlan(file, host.cwd, sniffed);
  if (saved.plan.mode === 'refresh-only') {
    throw new StagemigError([error('USAGE', `${file} is a refresh-only plan: it reports drift and has nothing to apply`, {
      hint: 'Run `stagemig plan --out` without --refresh-only to plan the steps that restore the YAML.',
    })]);
  }
  return withPlanLock(host, saved.plan_file, () => applySaved(host, file, saved, events));
}

async function applySaved(host: Host, file: string, saved: SavedPlanFile, events: SavedApplyEvents): Promise<SavedApplyResult> {
  let snapshot: AppliedSnapshot | undefined;
  // The steps are derived again from the inputs the file names, with the options it was planned with.
  const derive = async (desired: DesiredState, live: LiveState, backend: Backend): Promise<Plan> => {
    snapshot = (await loadApplied(desired)).snapshot;
    const licensing = await readLicensingFor(desired, backend);
    const refused = licenseDiagnostics(desired, licensing);
    if (refused.length > 0) throw new StagemigError(refused);
    const targets = checkTargets(desired, saved.options.targets);
    const now = backend.clock ? await backend.clock.now() : host.clock.now();
    return planWithOptions(desired, live, snapshot, { targets, allowRemove: saved.options.allow_remove, now, ...(licensing ? { licensing } : {}) });
  };
  const { desired, backend, live, plan } = await preflightSavedPlan(saved, file, {
    cwd: host.cwd, open: (d) => openBackendFor(host, d), derive,
    load: (planFile, allowCsvOutside) => loadPlanResult(host, planFile, { allowCsvOutside, digestInputs: true }),
  });
  try {
    const { steps } = plan;
    events.savedPlanAccepted(savedPlanFacts(file, saved), steps.length);
    const record = createAppliedRecorder({ desired, live, previous: snapshot, now: host.clock.now, cwd: host.cwd });
    if (steps.length === 0) {
      record.finish(plan);
      return { plan };
    }
    const missing = checkSecrets(steps, desired, host.env);
    if (missing.length > 0) throw new StagemigError(missing);
    const outcome = await runSteps(host, events, { steps, backend, desired, record, finishWith: () => plan });
    events.applyFinished(outcome, plan);
    return { plan, outcome };
  } finally {
    await backend.close();
  }
}
