// `apply --wait [--timeout 48h] [--interval 1m]`: after the steps, follow the service until every batch is
// at its desired state, running the steps that had to wait. On the simulator the simulated clock is
// moved forward (a whole migration takes seconds); on a real tenant stagemig sleeps between reads.
import { InvalidArgumentError, type Command } from 'commander';
import { createAppliedRecorder, loadApplied } from '../../apply/applied/index.js';
import { DEFAULT_WAIT, waitForConvergence, type WaitDeps } from '../../apply/wait-loop.js';
import { parseDuration } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { progressBars, renderWaitOutcome, statusChangeLines } from '../../render/apply/wait-view.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { createPauser } from '../pause.js';
import type { PlanSession } from '../plan-session.js';
import type { CommandContext } from '../program.js';
import { runStepsWithProgress } from '../run-steps.js';

export interface WaitFlags {
  wait?: boolean;
  timeout?: number;
  interval?: number;
}

const HOUR = 3_600_000;
/** Simulated time per read: at least 10 minutes (or to the next change), at most 6 hours. */
const SIM_MIN_STEP = 10 * 60_000;
const SIM_MAX_STEP = 6 * HOUR;

function duration(min: number) {
  return (text: string): number => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < min) throw new InvalidArgumentError(`use a duration such as 30s, 10m, 6h or 2d (at least ${min / 1000}s)`);
    return ms;
  };
}

export function addWaitOptions(cmd: Command): Command {
  return cmd
    .option('--wait', 'after the steps, follow the service until every batch is at its desired state, running the steps that had to wait')
    .option('--timeout <duration>', 'with --wait: give up after this long (default 48h; simulated time on the simulator)', duration(1000))
    .option('--interval <duration>', 'with --wait on a real tenant: time between reads (default 1m)', duration(5000));
}

export async function waitAfterApply(ctx: CommandContext, session: PlanSession, flags: WaitFlags): Promise<number> {
  const { io } = ctx;
  const { desired, backend } = session;
  const color = { color: io.color };
  const pauser = createPauser(io, () => io.stderr('\nInterrupted: stopping at the next read.\n'));
  const seen = new Map<string, string>();
  let drawn = 0;
  let lastPlan: Plan | undefined;
  let started = 0;
  const clear = (): void => {
    if (drawn > 0) io.stdout(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const deps: WaitDeps = {
    readLive: () => backend.readLive(),
    replan: async (live) => (lastPlan = await session.replan(live)),
    now: async () => (backend.clock ? await backend.clock.now() : io.now()).getTime(),
    interrupted: () => pauser.interrupted,
    progress: (progress, at) => {
      if (started === 0) started = at;
      if (io.isTTY) {
        clear();
        const lines = progressBars(progress, at, at - started, io.color);
        io.stdout(`${lines.join('\n')}\n`);
        drawn = lines.length;
      } else {
        const lines = statusChangeLines(seen, progress, at);
        if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
      }
    },
    wait: async (maxMs) => {
      if (!backend.clock) return void (await pauser.pause(Math.min(maxMs, flags.interval ?? 60_000)));
      const next = (await backend.clock.nextChangeIn()) ?? SIM_MIN_STEP;
      await backend.clock.advance(Math.min(maxMs, Math.min(SIM_MAX_STEP, Math.max(SIM_MIN_STEP, next))));
    },
    runSteps: async (steps, live) => {
      drawn = 0;
      io.stdout(`\nThe service is ready for ${steps.length} more step${steps.length === 1 ? '' : 's'}:\n`);
      const record = createAppliedRecorder({ desired, live, previous: (await loadApplied(desired)).snapshot, now: io.now });
      const outcome = await runStepsWithProgress(io, { steps, backend, desired, record, shouldStop: () => pauser.interrupted });
      if (lastPlan) record.finish(lastPlan);
      io.stdout('\n');
      return !outcome.failed && !outcome.interrupted;
    },
  };
  io.stdout('\n');
  try {
    const outcome = await waitForConvergence(deps, desired, { ...DEFAULT_WAIT, timeoutMs: flags.timeout ?? 48 * HOUR });
    io.stdout(`\n${renderWaitOutcome(outcome, { ...color, simulated: backend.clock !== undefined })}`);
    return outcome.kind === 'converged' && outcome.failed.length === 0 ? EXIT_OK : EXIT_ERROR;
  } finally {
    pauser.done();
  }
}
