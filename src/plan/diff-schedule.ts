// Scheduling (`startAfter`) and retrying failed mailboxes (`retryFailed`) for an existing batch (facts §3.6,
// §3.7, §3.9, §6.6). Pure.
// Must not: do I/O, read the clock, or send -StartAfter to a batch that is not Created or Failed (the service refuses it).
import { batchAddress } from '../model/index.js';
import type { DesiredBatch, LiveBatch, Step } from '../model/index.js';
import { lifecycleStep } from './cmdlets.js';
import type { AttributeChange } from './plan.js';
import { startAfterUtc } from './start-after.js';

export function setStartAfterStep(b: DesiredBatch, liveName: string): Step {
  return {
    address: batchAddress(b.name),
    action: 'set-batch',
    cmdlet: 'Set-MigrationBatch',
    parameters: [['Identity', liveName], ['StartAfter', startAfterUtc(b.startAfter!)]],
  };
}

export interface ScheduleDiff {
  step?: Step;
  attribute?: AttributeChange;
  note?: string;
}

/** A changed `startAfter` is sent while the batch is Created or Failed; once it runs, the time is moot. */
export function diffSchedule(b: DesiredBatch, live: LiveBatch): ScheduleDiff {
  if (b.state !== 'started' || b.startAfter === undefined) return {};
  if (live.startAfter !== undefined && Date.parse(live.startAfter) === Date.parse(b.startAfter)) return {};
  const attribute: AttributeChange = { name: 'startAfter', before: live.startAfter, after: b.startAfter };
  if (live.status === 'Created' || live.status === 'Failed') return { step: setStartAfterStep(b, live.name), attribute };
  if (live.status === 'Waiting' || live.status === 'Starting') {
    return {
      attribute,
      note: `startAfter cannot be changed while the batch is ${live.status}: the service accepts Set-MigrationBatch -StartAfter only for a Created or Failed batch. To reschedule, remove the batch (state: removed) and create it again.`,
    };
  }
  return {};
}

/**
 * `retryFailed: true`: Start-MigrationBatch retries the failed mailboxes of a batch that ended
 * SyncedWithErrors, when nothing else is pending for it (no other step, no pending mailbox).
 */
export function diffRetry(b: DesiredBatch, live: LiveBatch, otherSteps: number): { step?: Step; attribute?: AttributeChange } {
  if (b.retryFailed !== true || b.state !== 'started' || otherSteps > 0) return {};
  if (live.status !== 'SyncedWithErrors' || live.failedCount === 0 || live.pendingCount > 0) return {};
  return {
    step: lifecycleStep(live.name, 'start-batch'),
    attribute: { name: 'failedMailboxes', before: live.failedCount, after: 0 },
  };
}

/** True when a batch's only step is a retry of its failed mailboxes (apply --wait limits those). */
export function isRetryStep(step: Step, live: LiveBatch | undefined): boolean {
  return step.action === 'start-batch' && live?.status === 'SyncedWithErrors' && live.failedCount > 0 && live.pendingCount === 0;
}
