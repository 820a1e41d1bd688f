// The one place apply runs steps for the CLI: progress lines, the last-applied record, and Ctrl-C
// stopping between steps. Used by apply, apply of a saved plan, and the steps --wait had to wait for.
import type { AppliedRecorder } from '../apply/applied/index.js';
import { executeSteps, materialize, type ApplyOutcome } from '../apply/index.js';
import type { Backend } from '../backends/index.js';
import type { DesiredState, Step } from '../model/index.js';
import { renderStepDone, renderStepFailed, renderStepStart } from '../render/apply/human-apply.js';
import type { Io } from './io.js';

export async function runStepsWithProgress(io: Io, opts: {
  steps: readonly Step[];
  backend: Backend;
  desired: DesiredState;
  record: AppliedRecorder;
  /** Supplied by callers that already listen for Ctrl-C; otherwise this registers its own listener. */
  shouldStop?: () => boolean;
}): Promise<ApplyOutcome> {
  const color = { color: io.color };
  let interrupted = false;
  const unhook = opts.shouldStop
    ? () => {}
    : io.onInterrupt(() => {
        interrupted = true;
        io.stderr('\nInterrupted: stopping after the current step.\n');
      });
  try {
    return await executeSteps({
      steps: opts.steps,
      backend: opts.backend,
      materialize: (step) => materialize(step, opts.desired, io.env),
      shouldStop: opts.shouldStop ?? (() => interrupted),
      hooks: {
        beforeStep: (s, i, n) => io.stdout(renderStepStart(s, i, n, color)),
        afterStep: (s, _i, warnings) => {
          opts.record.stepSucceeded(s);
          io.stdout(renderStepDone(warnings, color));
        },
        stepFailed: (_s, _i, err) => io.stdout(renderStepFailed(err, color)),
      },
    });
  } finally {
    unhook();
  }
}
