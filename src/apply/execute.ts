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
  failed?: { step: Step; error: string };
  notRun: Step[];
  interrupted: boolean;
}

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
      if (!(err instanceof StagemigError)) throw err;
      result = { ok: false as const, error: err.diagnostics.map((d) => d.summary).join('; ') };
    }
    if (!result.ok) {
      hooks.stepFailed?.(step, i, result.error);
      return { ran, failed: { step, error: result.error }, notRun: steps.slice(i + 1), interrupted: false };
    }
    ran.push(step);
    hooks.afterStep?.(step, i, result.warnings);
  }
  return { ran, notRun: [], interrupted: false };
}
