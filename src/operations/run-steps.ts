// The one place steps run: the last-applied record checked before step 1 and written after every step
// and at the end, and Ctrl-C stopping between steps. Used by apply, apply of a saved plan, and the steps
// --wait had to wait for. Once a step ran, every failure ends in an outcome (the report), never a throw.
// Must not: print. Progress goes to the StepEvents the command passes (render/apply/apply-view.ts).
import type { AppliedRecorder } from '../apply/applied/index.js';
import { executeSteps, materialize, type ApplyOutcome } from '../apply/index.js';
import type { Backend } from '../backends/index.js';
import { StagemigError } from '../diag/index.js';
import type { DesiredState, Step } from '../model/index.js';
import type { Plan } from '../plan/index.js';
import type { Host } from './host.js';

/** Progress of a run of steps, for the view. */
export interface StepEvents {
  beforeStep: (step: Step, index: number, total: number) => void;
  afterStep: (step: Step, warnings: readonly string[]) => void;
  stepFailed: (step: Step, error: string) => void;
  /** Ctrl-C was pressed: the run stops after the current step. */
  interrupted: () => void;
}

export async function runSteps(host: Host, events: StepEvents, opts: {
  steps: readonly Step[];
  backend: Backend;
  desired: DesiredState;
  record: AppliedRecorder;
  /** Supplied by callers that already listen for Ctrl-C; otherwise this registers its own listener. */
  shouldStop?: () => boolean;
  /** The plan the steps came from: the record settles the resources it left unchanged once the steps end. */
  finishWith?: () => Plan | undefined;
}): Promise<ApplyOutcome> {
  opts.record.checkWritable(); // before step 1: an unwritable record stops apply with nothing changed
  const outcome = await runChecked(host, events, opts);
  const plan = opts.finishWith?.();
  if (plan === undefined) return outcome;
  try {
    opts.record.finish(plan);
  } catch (err) {
    if (outcome.stopped) return outcome; // the report already says why the record is behind
    const error = err instanceof StagemigError ? err.diagnostics.map((d) => d.summary).join('; ') : (err as Error).message;
    return { ...outcome, stopped: { error } };
  }
  return outcome;
}

async function runChecked(host: Host, events: StepEvents, opts: Parameters<typeof runSteps>[2]): Promise<ApplyOutcome> {
  let interrupted = false;
  const unhook = opts.shouldStop
    ? () => {}
    : host.onInterrupt(() => {
        interrupted = true;
        events.interrupted();
      });
  const batch = opts.backend.batchWrites?.bind(opts.backend) ?? (<T>(work: () => Promise<T>) => work());
  let ran: ApplyOutcome | undefined;
  try {
    return await batch(async () => (ran = await executeSteps({
      steps: opts.steps,
      backend: opts.backend,
      materialize: (step) => materialize(step, opts.desired, host.env),
      shouldStop: opts.shouldStop ?? (() => interrupted),
      hooks: {
        beforeStep: (s, i, n) => events.beforeStep(s, i, n),
        afterStep: (s, _i, warnings) => {
          events.afterStep(s, warnings);
          opts.record.stepSucceeded(s);
        },
        stepFailed: (s, _i, err) => events.stepFailed(s, err),
      },
    })));
  } catch (err) {
    // The steps ended, then the backend could not save what they did (the simulator's state file).
    if (ran === undefined) throw err;
    if (ran.stopped) return ran; // the report already says why
    const error = err instanceof StagemigError ? err.diagnostics.map((d) => d.summary).join('; ') : (err as Error).message;
    return { ...ran, stopped: { error: `the service's changes could not be saved: ${error}` } };
  } finally {
    unhook();
  }
}
