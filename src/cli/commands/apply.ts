// `stagemig apply`: flags → operations/apply.ts (events → render/apply/apply-view.ts) → exit code.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import { InvalidArgumentError, type Command } from 'commander';
import { parseDuration } from '../../model/index.js';
import { applySucceeded, runApply } from '../../operations/apply.js';
import { createApplyView } from '../../render/apply/apply-view.js';
import { APPLY_PROMPT } from '../../render/apply/human-apply.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { addPlanningOptions, FULL_OPTION, planningOptionsOf } from '../planning-options.js';
import type { CommandContext } from '../program.js';
import { addLockTimeoutOption, useLockTimeout } from '../lock-option.js';

interface ApplyFlags { lockTimeout?: number; full?: boolean; heartbeat?: number; autoApprove?: boolean; target?: string[]; allowRemove?: boolean; wait?: boolean; timeout?: number; interval?: number }

function duration(min: number) {
  return (text: string): number => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < min) throw new InvalidArgumentError(`use a duration such as 30s, 10m, 6h or 2d (at least ${min / 1000}s)`);
    return ms;
  };
}

export function registerApply(program: Command, ctx: CommandContext): void {
  addLockTimeoutOption(addPlanningOptions(program.command('apply'), { refreshOnly: false }))
    .description('Plan, ask for approval, then run the cmdlets in order (or run a saved plan file exactly, without a prompt)')
    .argument('<plan>', 'migration plan YAML file, or a saved plan file from `stagemig plan --out`')
    .option('--wait', 'after the steps, follow the service until every batch is at its desired state, running the steps that had to wait')
    .option('--timeout <duration>', 'with --wait: give up after this long (default 48h; simulated time on the simulator)', duration(1000))
    .option('--interval <duration>', 'with --wait on a real tenant: time between reads (default 1m)', duration(5000))
    .option('--heartbeat <duration>', 'with --wait off a terminal (CI logs): print a progress line with per-batch %, counts and ETA this often (default 5m of service time)', duration(1000))
    .option('--auto-approve', 'skip the interactive approval')
    .option(...FULL_OPTION)
    .action(async (planPath: string, flags: ApplyFlags) => {
      const { io, host } = ctx;
      useLockTimeout(ctx, flags);
      const view = createApplyView(io, { color: io.color, isTTY: io.isTTY, full: flags.full === true, ...(flags.heartbeat !== undefined ? { heartbeatMs: flags.heartbeat } : {}) });
      const wait = flags.wait
        ? { ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}), ...(flags.interval !== undefined ? { intervalMs: flags.interval } : {}) }
        : undefined;
      const result = await runApply(host, { planPath, ...planningOptionsOf(flags), autoApprove: flags.autoApprove === true, ...(wait ? { wait } : {}) }, {
        ...view,
        confirm: async () => (await io.prompt(APPLY_PROMPT)).trim() === 'yes',
      });
      if (result.kind === 'cancelled') view.cancelled();
      else if (result.wait) view.waitFinished(result.wait.outcome, result.wait.simulated);
      ctx.setExitCode(applySucceeded(result) ? EXIT_OK : EXIT_ERROR);
    });
}
