// Runs a plan's steps in order through a backend, stopping at the first failure or between steps on Ctrl-C,
// and reports each step through the hooks its caller passes (the view prints them).
//
// Must not: print, reorder steps, or run a step that is not in the plan.
import { StagemigError } from '../diag/index.js';
import type { Backend } from '../backends/backend.js';
import type { Invocation, Step } from '../model/index.js';

export interface ApplyHooks {
  beforeStep?: (step: Step, index: number, total: number) => void;
  afterStep?: (step: Step, index: number, warnings: string[]) => void;
  stepFailed?: (step: Step, index: number, error: string) => void;
}

export interface ApplyOutcome {
  ran: Step[];
  /** The service refused this step (it made no change for it). */
  failed?: { step: Step; error: string };
  /**
   * The run stopped on an error that is not the service refusing a step: the last-applied record could
   * not be written after a step, or the backend broke during `uncertain` (whose effect is then unknown).
   */
  stopped?: { error: string; uncertain?: Step };
  notRun: Step[];
  interrupted: boolean;
}

const messageOf = (err: unknown): string =>
  (err instanceof StagemigError ? err.diagnostics.map((d) => d.summary).join('; ') : err instanceof Error ? err.message : String(err));

/** Runs the steps in order and stops at the first failure (or when interrupted between steps). */
export async function executeSteps(opts: {
  steps: readonly Step[];
  backend: Backend;
  materialize: (step: Step) => Invocation;
  hooks?: ApplyHooks;
  shouldStop?: () => boolean;
}): Promise<ApplyOutcome> {
  const { steps, backend, hooks = {} } = opts;
  const ran: Step[] = [];
  for (const [i, step] of steps.entries()) {
    if (opts.shouldStop?.()) return { ran, notRun: steps.slice(i), interrupted: true };
    hooks.beforeStep?.(step, i, steps.length);
    let result;
    try {
      result = await backend.run(opts.materialize(step));
    } catch (err) {
      if (!(err instanceof StagemigError)) {
        return { ran, stopped: { error: messageOf(err), uncertain: step }, notRun: steps.slice(i + 1), interrupted: false };
      }
      result = { ok: false as const, error: messageOf(err) };
    }
    if (!result.ok) {
      hooks.stepFailed?.(step, i, result.error);
      return { ran, failed: { step, error: result.error }, notRun: steps.slice(i + 1), interrupted: false };
    }
    ran.push(step);
    try {
      hooks.afterStep?.(step, i, result.warnings);
    } catch (err) {
      return { ran, stopped: { error: messageOf(err) }, notRun: steps.slice(i + 1), interrupted: false };
    }
  }
  return { ran, notRun: [], interrupted: false };
}
