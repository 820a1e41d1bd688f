// `apply --wait`: keep reading the service until every batch reaches its desired state, running the
// steps that had to wait (re-planning after each wait) until the plan converges. Time, waiting and
// output are injected, so the loop runs the same against the simulator's clock and a real tenant.
//
// Must not: print (progress goes through events to the command's view).
import { BUSY_BATCH, RUNNING_BATCH, type BatchStatus, type LiveState, type LiveUser, type Step } from '../model/index.js';
import { waitsForNothing, waitsOnAdmin, type Plan, type ResourceChange, type WaitsFor } from '../plan/index.js';
import { isRetryStep } from '../plan/diff-schedule.js';
import { batchProgress, failedMailboxes, progressKey, type BatchProgress } from './wait-progress.js';

export interface WaitDeps {
  readLive(): Promise<LiveState>;
  replan(live: LiveState): Promise<Plan>;
  /** Runs steps in order; false when one failed or apply was interrupted (the caller has reported it). */
  runSteps(steps: Step[], live: LiveState): Promise<boolean>;
  /** The service's time in milliseconds (the simulated clock on the simulator). */
  now(): Promise<number>;
  /** Lets time pass, at most `maxMs`: sleeps on a real tenant, moves the simulated clock on the simulator. */
  wait(maxMs: number): Promise<void>;
  interrupted(): boolean;
  /** Called after every read with where the batches stand. */
  progress(batches: BatchProgress[], at: number): void;
}

export interface WaitOptions {
  timeoutMs: number;
  /** Start-MigrationBatch retries of failed mailboxes per batch (retryFailed) before giving up. */
  maxRetries: number;
  /** Reads in a row with no change, all batches at their state and the plan still waiting, before giving up. */
  stallReads: number;
}

export type WaitOutcome =
  | { kind: 'converged'; failed: LiveUser[]; elapsedMs: number }
  | { kind: 'timeout'; waitingFor: BatchProgress[]; elapsedMs: number }
  | { kind: 'stuck'; batches: BatchProgress[] }
  | { kind: 'blocked'; changes: BlockedChange[] }
  | { kind: 'step-failed' }
  | { kind: 'interrupted' };

/** A change that keeps the plan from converging and that waiting does not resolve, with what it waits for. */
export interface BlockedChange {
  address: string;
  waitsFor?: WaitsFor;
  notes: string[];
}

const blockedChange = (c: ResourceChange): BlockedChange => ({ address: c.address, ...(c.waitsFor ? { waitsFor: c.waitsFor } : {}), notes: c.notes });

/** Batch statuses the service leaves by itself (a sync running or scheduled, a stop or a removal under way). */
const MOVES_ON: ReadonlySet<BatchStatus> = new Set([...RUNNING_BATCH, ...BUSY_BATCH, 'Stopping', 'Removing']);

export const DEFAULT_WAIT: Omit<WaitOptions, 'timeoutMs'> = { maxRetries: 2, stallReads: 3 };

/** Steps worth running now: a retry of failed mailboxes only while the batch has retries left. */
function runnable(plan: Plan, live: LiveState, retries: Map<string, number>, max: number): Step[] {
  const byAddress = new Map(live.batches.map((b) => [`batch.${b.name}`.toLowerCase(), b]));
  return plan.steps.filter((s) => !isRetryStep(s, byAddress.get(s.address.toLowerCase())) || (retries.get(s.address) ?? 0) < max);
}

export async function waitForConvergence(deps: WaitDeps, desired: Parameters<typeof batchProgress>[0], opts: WaitOptions): Promise<WaitOutcome> {
  const start = await deps.now();
  const retries = new Map<string, number>();
  let lastKey = '';
  let still = 0;
  for (;;) {
    if (deps.interrupted()) return { kind: 'interrupted' };
    const live = await deps.readLive();
    const now = await deps.now();
    const plan = await deps.replan(live);
    // With --target, only the targeted batches are waited for.
    const scope = plan.targets ? new Set(plan.targets.map((t) => t.toLowerCase())) : undefined;
    const inScope = (address: string): boolean => scope === undefined || scope.has(address.toLowerCase());
    const progress = batchProgress(desired, live).filter((p) => inScope(p.address));
    deps.progress(progress, now);
    const stuck = progress.filter((p) => p.phase === 'stuck');
    if (stuck.length > 0) return { kind: 'stuck', batches: stuck };
    const steps = runnable(plan, live, retries, opts.maxRetries);
    if (steps.length > 0) {
      const byAddress = new Map(live.batches.map((b) => [`batch.${b.name}`.toLowerCase(), b]));
      for (const s of steps) if (isRetryStep(s, byAddress.get(s.address.toLowerCase()))) retries.set(s.address, (retries.get(s.address) ?? 0) + 1);
      if (!(await deps.runSteps(steps, live))) return deps.interrupted() ? { kind: 'interrupted' } : { kind: 'step-failed' };
      still = 0;
      continue;
    }
    const key = progressKey(progress);
    still = key === lastKey ? still + 1 : 0;
    lastKey = key;
    // A finished batch (all migrated, removed by the service) waits for nothing.
    const waiting = plan.changes.filter((c) => c.notes.length > 0 && !waitsForNothing(c));
    // Waiting never resolves a change that needs the admin: stop at once, unless the service still moves
    // something towards its state (another change, or a batch in a status the service leaves by itself;
    // a batch whose removal is held moves towards nothing).
    const held = waiting.filter(waitsOnAdmin);
    const heldAt = new Set(held.map((c) => c.address.toLowerCase()));
    const moving = (p: BatchProgress): boolean => p.desiredState !== 'removed' && p.status !== undefined && MOVES_ON.has(p.status);
    const stays = (p: BatchProgress): boolean => p.phase === 'done' || (heldAt.has(p.address.toLowerCase()) && !moving(p));
    if (held.length > 0 && held.length === waiting.length && progress.every(stays)) return { kind: 'blocked', changes: held.map(blockedChange) };
    if (progress.every((p) => p.phase === 'done')) {
      const failed = failedMailboxes(desired, live).filter((u) => inScope(`batch.${u.batch}`));
      if (waiting.length === 0) return { kind: 'converged', failed, elapsedMs: now - start };
      // Notes said to wait on the service that stay the same read after read while every batch is at its state.
      if (still >= opts.stallReads) return { kind: 'blocked', changes: waiting.map(blockedChange) };
    }
    const left = start + opts.timeoutMs - now;
    if (left <= 0) return { kind: 'timeout', waitingFor: progress.filter((p) => p.phase !== 'done'), elapsedMs: now - start };
    await deps.wait(left);
  }
}
