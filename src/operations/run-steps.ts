// The one place steps run: the last-applied record after every step, and Ctrl-C stopping between
// steps. Used by apply, apply of a saved plan, and the steps --wait had to wait for.
// Must not: print. Progress goes to the StepEvents the command passes (render/apply/apply-view.ts).
import type { AppliedRecorder } from '../apply/applied/index.js';
import { executeSteps, materialize, type ApplyOutcome } from '../apply/index.js';
import type { Backend } from '../backends/index.js';
import type { DesiredState, Step } from '../model/index.js';
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
}): Promise<ApplyOutcome> {
  let interrupted = false;
  const unhook = opts.shouldStop
    ? () => {}
    : host.onInterrupt(() => {
        interrupted = true;
        events.interrupted();
      });
  const batch = opts.backend.batchWrites?.bind(opts.backend) ?? (<T>(work: () => Promise<T>) => work());
  try {
    return await batch(() => executeSteps({
      steps: opts.steps,
      backend: opts.backend,
      materialize: (step) => materialize(step, opts.desired, host.env),
      shouldStop: opts.shouldStop ?? (() => interrupted),
      hooks: {
        beforeStep: (s, i, n) => events.beforeStep(s, i, n),
        afterStep: (s, _i, warnings) => {
          opts.record.stepSucceeded(s);
          events.afterStep(s, warnings);
        },
        stepFailed: (s, _i, err) => events.stepFailed(s, err),
      },
    }));
  } finally {
    unhook();
  }
}
