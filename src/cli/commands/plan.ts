import type { Command } from 'commander';
import { hasPendingChanges } from '../../plan/index.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import { parseFormat, PLAN_FORMATS } from '../format-option.js';
import { emitPlan, reportingPlanErrors } from '../plan-output.js';
import { openPlanSession } from '../plan-session.js';
import { addPlanningOptions, planningOptionsOf } from '../planning.js';
import type { CommandContext } from '../program.js';

export function registerPlan(program: Command, ctx: CommandContext): void {
  addPlanningOptions(program.command('plan'), { refreshOnly: true })
    .description('Show the cmdlets that would make the migration service match the plan (changes nothing)')
    .argument('<plan>', 'migration plan YAML file')
    .option('--detailed-exitcode', 'exit 0 when nothing differs, 2 when changes are pending, 1 on error')
    .option('--out <file>', 'also save the plan to a file that `stagemig apply <file>` runs exactly')
    .option('--format <format>', `output format: ${PLAN_FORMATS.join(', ')}`, 'human')
    .action(async (planPath: string, opts: { detailedExitcode?: boolean; out?: string; format?: string; target?: string[]; allowRemove?: boolean; refreshOnly?: boolean }) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, PLAN_FORMATS);
      await reportingPlanErrors(ctx, format, planPath, async () => {
        const planning = planningOptionsOf(opts);
        const session = await openPlanSession(planPath, io, planning, { warnUnsetSecrets: true });
        try {
          const mode = planning.refreshOnly ? 'refresh-only' as const : 'normal' as const;
          await emitPlan(ctx, session, { format, mode, ...(opts.out !== undefined ? { out: opts.out } : {}) });
          ctx.setExitCode(opts.detailedExitcode && hasPendingChanges(session.plan) ? EXIT_CHANGES : EXIT_OK);
        } finally {
          await session.backend.close();
        }
      });
    });
}
