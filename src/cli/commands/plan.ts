import type { Command } from 'commander';
import { isConverged } from '../../plan/index.js';
import { renderHumanPlan } from '../../render/human-plan.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import { openPlanSession } from '../plan-session.js';
import { addPlanningOptions, pendingChanges, planningOptionsOf } from '../planning.js';
import type { CommandContext } from '../program.js';

export function registerPlan(program: Command, ctx: CommandContext): void {
  addPlanningOptions(program.command('plan'), { refreshOnly: true })
    .description('Show the cmdlets that would make the migration service match the plan (changes nothing)')
    .argument('<plan>', 'migration plan YAML file')
    .option('--detailed-exitcode', 'exit 0 when nothing differs, 2 when changes are pending, 1 on error')
    .action(async (planPath: string, opts: { detailedExitcode?: boolean; target?: string[]; allowRemove?: boolean; refreshOnly?: boolean }) => {
      const { io } = ctx;
      const session = await openPlanSession(planPath, io, planningOptionsOf(opts));
      try {
        io.stdout(renderHumanPlan(session.plan, { color: io.color }));
        ctx.setExitCode(opts.detailedExitcode && pendingChanges(session.plan, isConverged) ? EXIT_CHANGES : EXIT_OK);
      } finally {
        await session.backend.close();
      }
    });
}
