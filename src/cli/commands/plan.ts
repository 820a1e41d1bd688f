// `stagemig plan`: flags → operations/plan.ts → render/plan/plan-view.ts → exit code.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { StagemigError } from '../../diag/index.js';
import { runPlan } from '../../operations/plan.js';
import { planFailureOutput, planOutput } from '../../render/plan/plan-view.js';
import { emit } from '../emit.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { parseFormat, PLAN_FORMATS } from '../format-option.js';
import { addPlanningOptions, FULL_OPTION, planningOptionsOf } from '../planning-options.js';
import type { CommandContext } from '../program.js';

interface PlanFlags { detailedExitcode?: boolean; out?: string; format?: string; full?: boolean; target?: string[]; allowRemove?: boolean; refreshOnly?: boolean }

export function registerPlan(program: Command, ctx: CommandContext): void {
  addPlanningOptions(program.command('plan'), { refreshOnly: true })
    .description('Show the cmdlets that would make the migration service match the plan (changes nothing)')
    .argument('<plan>', 'migration plan YAML file')
    .option('--detailed-exitcode', 'exit 0 when nothing differs, 2 when changes are pending, 1 on error')
    .option('--out <file>', 'also save the plan to a file that `stagemig apply <file>` runs exactly')
    .option('--format <format>', `output format: ${PLAN_FORMATS.join(', ')}`, 'human')
    .option(...FULL_OPTION)
    .action(async (planPath: string, flags: PlanFlags) => {
      const { io, host } = ctx;
      const format = parseFormat(flags.format, PLAN_FORMATS);
      try {
        const result = await runPlan(host, { planPath, ...planningOptionsOf(flags), ...(flags.out !== undefined ? { out: flags.out } : {}) });
        emit(io, planOutput(format, result, io.color, { full: flags.full === true, workingDir: io.cwd }));
        ctx.setExitCode(flags.detailedExitcode && result.pending ? EXIT_CHANGES : EXIT_OK);
      } catch (err) {
        if (!(err instanceof StagemigError)) throw err;
        emit(io, planFailureOutput(format, err.diagnostics, { planPath, now: host.clock.now(), color: io.color }));
        ctx.setExitCode(EXIT_ERROR);
      }
    });
}
