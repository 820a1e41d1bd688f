import type { Command } from 'commander';
import { checkSecrets } from '../../apply/index.js';
import { error, StagemigError } from '../../diag/index.js';
import { renderHumanPlan } from '../../render/plan/human-plan.js';
import { APPLY_PROMPT, renderApplySummary } from '../../render/apply/human-apply.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { openPlanSession } from '../plan-session.js';
import { addPlanningOptions, planningOptionsOf } from '../planning.js';
import { createAppliedRecorder } from '../../apply/applied/index.js';
import { applySavedPlan } from '../apply-saved-plan.js';
import { sniffSavedPlan } from '../../apply/saved-plan/index.js';
import type { CommandContext } from '../program.js';
import { runStepsWithProgress } from '../run-steps.js';
import { addWaitOptions, waitAfterApply, type WaitFlags } from './apply-wait.js';

async function confirm(ctx: CommandContext, autoApprove: boolean | undefined): Promise<boolean> {
  if (autoApprove) return true;
  if (!ctx.io.stdinIsTTY) {
    throw new StagemigError([error('USAGE', 'Refusing to apply without confirmation: no terminal to ask on', {
      hint: 'Review the plan above, then run again with --auto-approve (e.g. in CI).',
    })]);
  }
  const answer = await ctx.io.prompt(APPLY_PROMPT);
  return answer.trim() === 'yes';
}

export function registerApply(program: Command, ctx: CommandContext): void {
  addWaitOptions(addPlanningOptions(program.command('apply'), { refreshOnly: false }))
    .description('Plan, ask for approval, then run the cmdlets in order (or run a saved plan file exactly, without a prompt)')
    .argument('<plan>', 'migration plan YAML file, or a saved plan file from `stagemig plan --out`')
    .option('--auto-approve', 'skip the interactive approval')
    .action(async (planPath: string, opts: { autoApprove?: boolean; target?: string[]; allowRemove?: boolean } & WaitFlags) => {
      const { io } = ctx;
      if (await sniffSavedPlan(planPath, io.cwd)) {
        if (opts.wait) throw new StagemigError([error('USAGE', '--wait works with a plan YAML, not a saved plan', { hint: 'Apply the saved plan, then run `stagemig apply <plan.yaml> --wait`.' })]);
        return applySavedPlan(ctx, planPath, opts);
      }
      const color = { color: io.color };
      const session = await openPlanSession(planPath, io, planningOptionsOf(opts));
      const { desired, backend } = session;
      try {
        io.stdout(renderHumanPlan(session.plan, color));
        const recorder = (live = session.live) => createAppliedRecorder({ desired, live, previous: session.applied, now: io.now });
        if (session.plan.steps.length === 0) {
          recorder().finish(session.plan); // the service matches: the YAML becomes the last-applied baseline
          return ctx.setExitCode(opts.wait ? await waitAfterApply(ctx, session, opts) : EXIT_OK);
        }
        const missing = checkSecrets(session.plan.steps, desired, io.env);
        if (missing.length > 0) throw new StagemigError(missing);
        if (!(await confirm(ctx, opts.autoApprove))) {
          io.stderr('Apply cancelled: nothing was changed.\n');
          return ctx.setExitCode(EXIT_ERROR);
        }
        // The service may have moved while the plan was reviewed: re-read once and insist on the same steps.
        const freshLive = await backend.readLive();
        const fresh = await session.replan(freshLive);
        const record = recorder(freshLive);
        if (JSON.stringify(fresh.steps) !== JSON.stringify(session.plan.steps)) {
          throw new StagemigError([error('PLAN_CHANGED', 'The migration service changed while the plan was being reviewed', {
            hint: 'Nothing was run. Run `stagemig apply` again to review the new plan.',
          })]);
        }
        const outcome = await runStepsWithProgress(io, { steps: fresh.steps, backend, desired, record });
        record.finish(fresh);
        io.stdout(renderApplySummary(outcome, fresh, color));
        const failed = outcome.failed || outcome.interrupted;
        ctx.setExitCode(failed ? EXIT_ERROR : opts.wait ? await waitAfterApply(ctx, session, opts) : EXIT_OK);
      } finally {
        await backend.close();
      }
    });
}
