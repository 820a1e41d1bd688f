// The `apply` view: what apply prints while it runs (the plan, each step, the closing report, the
// --wait progress) written to the streams it is given. The command passes these methods to the
// apply operation as its events; their names match operations/apply.ts's ApplyEvents.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { ApplyOutcome } from '../../apply/index.js';
import type { BatchProgress } from '../../apply/wait-progress.js';
import type { WaitOutcome } from '../../apply/wait-loop.js';
import type { Diagnostic } from '../../diag/index.js';
import type { Step } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { diagnosticsText } from '../common/output.js';
import { renderHumanPlan } from '../plan/human-plan.js';
import { toPlanDocument } from '../plan/json-plan.js';
import { TOOL_VERSION } from '../../version.js';
import type { Estimates } from '../../apply/progress-rows.js';
import { renderApplySummary, renderStepDone, renderStepFailed, renderStepStart } from './human-apply.js';
import { renderApplySavedHeader, type SavedPlanFacts } from './human-saved-plan.js';
import { createWaitProgressView, renderWaitOutcome, WAIT_INTERRUPTED } from './wait-view.js';

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const APPLY_CANCELLED = 'Apply cancelled: nothing was changed.\n';
const STEP_INTERRUPTED = '\nInterrupted: stopping after the current step.\n';

export function createApplyView(out: Streams, o: { color: boolean; isTTY: boolean; full?: boolean; heartbeatMs?: number }) {
  const color = { color: o.color };
  const wait = createWaitProgressView(o);
  const write = (text: string): void => {
    if (text !== '') out.stdout(text);
  };
  return {
    planned(plan: Plan, warnings: readonly Diagnostic[]): void {
      if (warnings.length > 0) out.stderr(diagnosticsText(warnings, o.color));
      const doc = toPlanDocument(plan, { toolVersion: TOOL_VERSION, createdAt: null, planFile: null, backend: null });
      write(renderHumanPlan(doc, { ...color, full: o.full === true }));
    },
    savedPlanAccepted: (facts: SavedPlanFacts, steps: number): void => write(renderApplySavedHeader(facts, steps)),
    beforeStep: (step: Step, index: number, total: number): void => write(renderStepStart(step, index, total, color)),
    afterStep: (_step: Step, warnings: readonly string[]): void => write(renderStepDone(warnings, color)),
    stepFailed: (_step: Step, error: string): void => write(renderStepFailed(error, color)),
    interrupted: (): void => out.stderr(STEP_INTERRUPTED),
    replacementWaiting: (batches: readonly string[], elapsedMs: number): void =>
      write(`Waiting for the removal of ${batches.map((b) => `batch.${b}`).join(', ')} to finish before creating ${batches.length === 1 ? 'it' : 'them'} again (${Math.round(elapsedMs / 60_000)} min so far)...\n`),
    replacementTimedOut: (batches: readonly string[], waitedMs: number): void =>
      write(`The removal of ${batches.map((b) => `batch.${b}`).join(', ')} has not finished after ${Math.round(waitedMs / 60_000)} min; run \`stagemig apply\` again to create ${batches.length === 1 ? 'it' : 'them'}.\n`),
    applyFinished: (outcome: ApplyOutcome, plan: Plan): void => write(renderApplySummary(outcome, plan, color)),
    waitStarted: (): void => write('\n'),
    progress: (batches: readonly BatchProgress[], at: number, elapsedMs: number, estimates: Estimates): void => write(wait.progress(batches, at, elapsedMs, estimates)),
    moreSteps: (count: number): void => write(wait.moreSteps(count)),
    stepsDone: (): void => write('\n'),
    waitInterrupted: (): void => out.stderr(WAIT_INTERRUPTED),
    waitFinished: (outcome: WaitOutcome, simulated: boolean): void => write(`\n${renderWaitOutcome(outcome, { ...color, simulated })}`),
    cancelled: (): void => out.stderr(APPLY_CANCELLED),
  };
}
