// `apply --wait`: after the steps, follow the service until every batch is at its desired state,
// running the steps that had to wait. On the simulator the simulated clock is moved forward (a whole
// migration takes seconds); on a real tenant stagemig sleeps between reads.
// Must not: print. Progress goes to the WaitEvents the command passes (render/apply/wait-view.ts).
import { createAppliedRecorder, loadApplied } from '../apply/applied/index.js';
import type { ApplyOutcome } from '../apply/index.js';
import type { BatchProgress } from '../apply/wait-progress.js';
import { createProgressRows, type Estimates } from '../apply/progress-rows.js';
import { DEFAULT_WAIT, waitForConvergence, type WaitDeps, type WaitOutcome } from '../apply/wait-loop.js';
import { StagemigError } from '../diag/index.js';
import type { Plan } from '../plan/index.js';
import type { Host } from './host.js';
import { createPauser } from './pause.js';
import type { PlanSession } from './plan-session.js';
import { runSteps, type StepEvents } from './run-steps.js';

export interface WaitArgs {
  /** Give up after this long (simulated time on the simulator); default 48 h. */
  timeoutMs?: number;
  /** Time between reads on a real tenant; default 1 minute. */
  intervalMs?: number;
}

export interface WaitEvents extends StepEvents {
  /** Waiting begins (after the first steps, if any). */
  waitStarted: () => void;
  /** Where the batches stand after a read, at the service's time `at` (ms), `elapsedMs` since the first; ETAs from the observed rates. */
  progress: (batches: readonly BatchProgress[], at: number, elapsedMs: number, estimates: Estimates) => void;
  /** The service became ready for steps that had to wait. */
  moreSteps: (count: number) => void;
  /** Finished running those steps. */
  stepsDone: () => void;
  /** Ctrl-C while waiting: the wait stops at the next read. */
  waitInterrupted: () => void;
  /** A run of those steps stopped (a step failed, a write failed, Ctrl-C): apply's report of what ran and what did not. */
  applyFinished: (outcome: ApplyOutcome, plan: Plan) => void;
}

export interface WaitResult {
  outcome: WaitOutcome;
  /** True when the time was the simulator's clock. */
  simulated: boolean;
}

const HOUR = 3_600_000;
/** Simulated time per read: at least 10 minutes (or to the next change), at most 6 hours. */
const SIM_MIN_STEP = 10 * 60_000;
const SIM_MAX_STEP = 6 * HOUR;

export async function waitAfterApply(host: Host, session: PlanSession, args: WaitArgs, events: WaitEvents): Promise<WaitResult> {
  const { desired, backend } = session;
  const pauser = createPauser(host, events.waitInterrupted);
  let lastPlan: Plan | undefined;
  let started: number | undefined;
  const estimate = createProgressRows();
  const deps: WaitDeps = {
    readLive: () => backend.readLive(),
    replan: async (live) => (lastPlan = await session.replan(live)),
    now: async () => (backend.clock ? await backend.clock.now() : host.clock.now()).getTime(),
    interrupted: () => pauser.interrupted,
    progress: (progress, at) => {
      started ??= at;
      events.progress(progress, at, at - started, estimate(progress, at));
    },
    wait: async (maxMs) => {
      if (!backend.clock) return void (await pauser.pause(Math.min(maxMs, args.intervalMs ?? 60_000)));
      const next = (await backend.clock.nextChangeIn()) ?? SIM_MIN_STEP;
      await backend.clock.advance(Math.min(maxMs, Math.min(SIM_MAX_STEP, Math.max(SIM_MIN_STEP, next))));
    },
    runSteps: async (steps, live) => {
      events.moreSteps(steps.length);
      const record = createAppliedRecorder({ desired, live, previous: (await loadApplied(desired)).snapshot, now: host.clock.now, cwd: host.cwd });
      const outcome = await runSteps(host, events, { steps, backend, desired, record, shouldStop: () => pauser.interrupted, finishWith: () => lastPlan })
        .catch((err: unknown): ApplyOutcome => {
          // runSteps throws only before step 1 (a record that can no longer be written). Earlier steps of this
          // apply ran, so this is a run that stops like any other: none of these steps ran.
          if (!(err instanceof StagemigError)) throw err;
          return { ran: [], notRun: [...steps], stopped: { error: err.diagnostics.map((d) => d.summary).join('; ') }, interrupted: false };
        });
      const complete = !outcome.failed && !outcome.interrupted && !outcome.stopped;
      // The same report as a plain apply that stops: the steps that ran, the one that failed, those not run.
      if (!complete && lastPlan) events.applyFinished(outcome, lastPlan);
      else events.stepsDone();
      return complete;
    },
  };
  events.waitStarted();
  try {
    const outcome = await waitForConvergence(deps, desired, { ...DEFAULT_WAIT, timeoutMs: args.timeoutMs ?? 48 * HOUR });
    return { outcome, simulated: backend.clock !== undefined };
  } finally {
    pauser.done();
  }
}

/** The exit status of a wait: converged with no failed mailbox. */
export const waitSucceeded = (r: WaitResult): boolean => r.outcome.kind === 'converged' && r.outcome.failed.length === 0;
