// `stagemig apply <plan.yaml | saved-plan-file> [--auto-approve] [--wait]`: plan, get approval, re-read
// the service and insist on the same steps, run them, then (--wait) follow the service to convergence.
// A saved plan file runs through operations/apply-saved-plan.ts instead.
// Must not: print. The command passes ApplyEvents; render/apply/ turns them into text.
import { isDeepStrictEqual } from 'node:util';
import { createAppliedRecorder } from '../apply/applied/index.js';
import { checkSecrets, type ApplyOutcome } from '../apply/index.js';
import { sniffSavedPlan } from '../apply/saved-plan/index.js';
import { error, StagemigError, type Diagnostic } from '../diag/index.js';
import type { Plan } from '../plan/index.js';
import type { Host } from './host.js';
import { applySavedPlan, type SavedApplyEvents } from './apply-saved-plan.js';
import { openPlanSession } from './plan-session.js';
import { withPlanLock } from './plan-lock.js';
import { finishReplacements, type ReplaceEvents } from './replace-batches.js';
import { runSteps } from './run-steps.js';
import type { PlanningOptions } from './planning.js';
import { waitAfterApply, waitSucceeded, type WaitArgs, type WaitEvents, type WaitResult } from './wait.js';

export interface ApplyArgs extends PlanningOptions {
  /** A plan YAML, or a saved plan file from `plan --out`. */
  planPath: string;
  autoApprove: boolean;
  /** --wait (with its --timeout/--interval); only with a plan YAML. */
  wait?: WaitArgs;
}

export interface ApplyEvents extends SavedApplyEvents, WaitEvents, ReplaceEvents {
  /** The plan to approve, and the warnings found loading it. */
  planned: (plan: Plan, warnings: readonly Diagnostic[]) => void;
  /** Asks for approval (only with steps, without --auto-approve, on a terminal); true means "yes". */
  confirm: () => Promise<boolean>;
}

export type ApplyResult =
  | { kind: 'cancelled' }
  | {
    kind: 'applied';
    /** The plan that ran (the saved plan's, or the one re-made just before running). */
    plan: Plan;
    /** Absent when there was nothing to run. */
    outcome?: ApplyOutcome;
    /** Present after --wait. */
    wait?: WaitResult;
  };

/** Success for the exit code: not cancelled, no step failed or was interrupted, and --wait converged. */
export function applySucceeded(r: ApplyResult): boolean {
  if (r.kind === 'cancelled') return false;
  if (r.outcome && (r.outcome.failed || r.outcome.interrupted || r.outcome.stopped)) return false;
  return r.wait === undefined || waitSucceeded(r.wait);
}

function refuseWithoutTerminal(): never {
  throw new StagemigError([error('USAGE', 'Refusing to apply without confirmation: no terminal to ask on', {
    hint: 'Review the plan above, then run again with --auto-approve (e.g. in CI).',
  })]);
}

export async function runApply(host: Host, args: ApplyArgs, events: ApplyEvents): Promise<ApplyResult> {
  const saved = await sniffSavedPlan(args.planPath, host.cwd);
  if (saved) {
    if (args.wait) throw new StagemigError([error('USAGE', '--wait works with a plan YAML, not a saved plan', { hint: 'Apply the saved plan, then run `stagemig apply <plan.yaml> --wait`.' })]);
    return { kind: 'applied', ...(await applySavedPlan(host, args.planPath, args, events, saved)) };
  }
  return withPlanLock(host, args.planPath, () => applyPlanFile(host, args, events));
}

async function applyPlanFile(host: Host, args: ApplyArgs, events: ApplyEvents): Promise<ApplyResult> {
  const session = await openPlanSession(host, args.planPath, args);
  const { desired, backend } = session;
  try {
    events.planned(session.plan, session.warnings);
    const recorder = (live = session.live) => createAppliedRecorder({ desired, live, previous: session.applied, now: host.clock.now, cwd: host.cwd });
    const waitIfAsked = async (): Promise<{ wait?: WaitResult }> =>
      (args.wait ? { wait: await waitAfterApply(host, session, args.wait, events) } : {});
    if (session.plan.steps.length === 0) {
      recorder().finish(session.plan); // the service matches: the YAML becomes the last-applied baseline
      return { kind: 'applied', plan: session.plan, ...(await waitIfAsked()) };
    }
    const missing = checkSecrets(session.plan.steps, desired, host.env);
    if (missing.length > 0) throw new StagemigError(missing);
    recorder().checkWritable(); // before asking: an apply that cannot keep its record must not start
    if (!args.autoApprove) {
      if (!host.io.stdinIsTTY) refuseWithoutTerminal();
      if (!(await events.confirm())) return { kind: 'cancelled' };
    }
    // The service may have moved while the plan was reviewed: re-read once and insist on the same steps.
    const freshLive = await backend.readLive();
    const fresh = await session.replan(freshLive);
    const record = recorder(freshLive);
    // Compared as values, not as JSON text: the two plans share each new batch's list of addresses, which
    // is then not read at all (stringifying made 200,000 addresses twice, twice).
    if (!isDeepStrictEqual(fresh.steps, session.plan.steps)) {
      throw new StagemigError([error('PLAN_CHANGED', 'The migration service changed while the plan was being reviewed', {
        hint: 'Nothing was run. Run `stagemig apply` again to review the new plan.',
      })]);
    }
    const ran = await runSteps(host, events, { steps: fresh.steps, backend, desired, record, finishWith: () => fresh });
    // A replaced never-started batch is created again once its removal finishes, in this same apply.
    const { outcome, plan: after } = await finishReplacements(host, session, fresh, ran, events);
    // The report counts the reviewed plan's resources; what still waits is what the service shows now.
    events.applyFinished(outcome, after === fresh ? fresh : { ...fresh, changes: after.changes });
    const failed = outcome.failed || outcome.interrupted || outcome.stopped;
    return { kind: 'applied', plan: fresh, outcome, ...(failed ? {} : await waitIfAsked()) };
  } finally {
    await backend.close();
  }
}
