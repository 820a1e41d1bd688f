// Replacing a never-started batch in one apply (issue 8): Remove-MigrationBatch is asynchronous (the batch
// shows Removing until cleanup ends, then is not found; facts §3.12), so after apply runs the removal of a
// batch it replaces, it reads the service until the removal has finished (bounded, reporting progress)
// and then runs the New-MigrationBatch that creates the batch again with the whole CSV. On the simulator
// the simulated clock is moved forward; on a real tenant it sleeps between reads (the host's sleep).
// Must not: print (progress goes to the events), or run any step but the replaced batches' own.
import type { ApplyOutcome } from '../apply/index.js';
import { createAppliedRecorder } from '../apply/applied/index.js';
import { nameKey } from '../model/index.js';
import type { Plan } from '../plan/index.js';
import type { Host } from './host.js';
import { createPauser } from './pause.js';
import type { PlanSession } from './plan-session.js';
import { runSteps, type StepEvents } from './run-steps.js';

export interface ReplaceEvents extends StepEvents {
  /** Still waiting for these batches' removal to finish, `elapsedMs` after the removal ran (service time). */
  replacementWaiting?: (batches: readonly string[], elapsedMs: number) => void;
  /** Gave up waiting: the plan says the rest follows on the next apply. */
  replacementTimedOut?: (batches: readonly string[], waitedMs: number) => void;
}

/** How long to wait for a removal (the service's cleanup takes minutes) and how often to read on a real tenant. */
export const REPLACE_TIMEOUT_MS = 20 * 60_000;
export const REPLACE_POLL_MS = 15_000;

const merge = (a: ApplyOutcome, b: ApplyOutcome): ApplyOutcome => ({ ...b, ran: [...a.ran, ...b.ran], interrupted: a.interrupted || b.interrupted });

/** After `first` ran `plan`'s steps: waits for each replaced batch's removal, then creates them again. */
export async function finishReplacements(
  host: Host, session: PlanSession, plan: Plan, first: ApplyOutcome, events: ReplaceEvents,
): Promise<{ outcome: ApplyOutcome; plan: Plan }> {
  const replaced = plan.changes.filter((c) => c.type === 'batch' && c.action === 'replace');
  const removed = new Set(first.ran.filter((s) => s.action === 'remove-batch').map((s) => s.address.toLowerCase()));
  const waiting = replaced.filter((c) => removed.has(c.address.toLowerCase()));
  if (waiting.length === 0 || first.failed || first.stopped || first.interrupted) return { outcome: first, plan };
  const { backend, desired } = session;
  const names = waiting.map((c) => c.name);
  const pauser = createPauser(host);
  const now = async () => (backend.clock ? await backend.clock.now() : host.clock.now()).getTime();
  try {
    const start = await now();
    for (;;) {
      const live = await backend.readLive();
      const gone = names.every((n) => !live.batches.some((b) => nameKey(b.name) === nameKey(n)));
      if (gone) {
        const next = await session.replan(live);
        const addresses = new Set(waiting.map((c) => c.address.toLowerCase()));
        const steps = next.steps.filter((s) => addresses.has(s.address.toLowerCase()) && s.action === 'new-batch');
        if (steps.length === 0) return { outcome: first, plan: next };
        const record = createAppliedRecorder({ desired, live, previous: session.applied, now: host.clock.now, cwd: host.cwd });
        const second = await runSteps(host, events, { steps, backend, desired, record, shouldStop: () => pauser.interrupted, finishWith: () => next });
        return { outcome: merge(first, second), plan: next };
      }
      const elapsed = (await now()) - start;
      if (elapsed >= REPLACE_TIMEOUT_MS) {
        events.replacementTimedOut?.(names, elapsed);
        return { outcome: first, plan };
      }
      events.replacementWaiting?.(names, elapsed);
      if (backend.clock) {
        const next = (await backend.clock.nextChangeIn()) ?? 60_000;
        await backend.clock.advance(Math.max(1, Math.min(next, REPLACE_TIMEOUT_MS - elapsed)));
      } else if (!(await pauser.pause(REPLACE_POLL_MS))) {
        return { outcome: { ...first, interrupted: true }, plan };
      }
    }
  } finally {
    pauser.done();
  }
}
