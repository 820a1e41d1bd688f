// `stagemig apply <saved-plan-file>`: runs exactly the reviewed steps, with no prompt, after checking
// that the inputs and the live objects are those the plan was made from (else "Saved plan is stale").
import { createAppliedRecorder, loadApplied } from '../apply/applied/index.js';
import { checkSecrets } from '../apply/index.js';
import { error, StagemigError } from '../diag/index.js';
import { renderApplySummary } from '../render/apply/human-apply.js';
import { renderApplySavedHeader } from '../render/apply/human-saved-plan.js';
import { preflightSavedPlan, readSavedPlan, savedPlanFacts } from '../apply/saved-plan/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import type { CommandContext } from './program.js';
import { runStepsWithProgress } from './run-steps.js';

/** Planning options were fixed when the plan was saved (as Terraform refuses them with a plan file). */
function refusePlanningOptions(file: string, opts: { target?: string[]; allowRemove?: boolean }): void {
  const given = [opts.target?.length ? '--target' : '', opts.allowRemove ? '--allow-remove' : ''].filter(Boolean);
  if (given.length === 0) return;
  throw new StagemigError([error('USAGE', `${given.join(' and ')} cannot be used with a saved plan`, {
    detail: `${file} already holds the exact steps to run; planning options were fixed when it was made.`,
    hint: 'Pass them to `stagemig plan --out` instead, review the new plan, and apply that file.',
  })]);
}

export async function applySavedPlan(ctx: CommandContext, file: string, opts: { target?: string[]; allowRemove?: boolean } = {}): Promise<void> {
  const { io } = ctx;
  const color = { color: io.color };
  refusePlanningOptions(file, opts);
  const saved = await readSavedPlan(file, io.cwd);
  if (saved.plan.mode === 'refresh-only') {
    throw new StagemigError([error('USAGE', `${file} is a refresh-only plan: it reports drift and has nothing to apply`, {
      hint: 'Run `stagemig plan --out` without --refresh-only to plan the steps that restore the YAML.',
    })]);
  }
  const { desired, backend, live } = await preflightSavedPlan(saved, file, {
    cwd: io.cwd, now: io.now, env: io.env, onInterrupt: io.onInterrupt, ...(io.log ? { log: io.log } : {}),
  });
  try {
    const { steps } = saved.plan;
    io.stdout(renderApplySavedHeader(savedPlanFacts(file, saved), steps.length));
    const { snapshot } = await loadApplied(desired);
    const record = createAppliedRecorder({ desired, live, previous: snapshot, now: io.now });
    if (steps.length === 0) {
      record.finish(saved.plan);
      return ctx.setExitCode(EXIT_OK);
    }
    const missing = checkSecrets(steps, desired, io.env);
    if (missing.length > 0) throw new StagemigError(missing);
    const outcome = await runStepsWithProgress(io, { steps, backend, desired, record });
    record.finish(saved.plan);
    io.stdout(renderApplySummary(outcome, saved.plan, color));
    ctx.setExitCode(outcome.failed || outcome.interrupted ? EXIT_ERROR : EXIT_OK);
  } finally {
    await backend.close();
  }
}
