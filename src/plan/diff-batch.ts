// One batch's difference: create, start, stop, remove (through the removal gates), replace, membership and settings.
//
// Must not: do I/O or plan a removal whose gates are closed without --allow-remove; pure.
import { batchAddress, batchEmails, batchSize, BUSY_BATCH, nameKey, plural, RUNNING_BATCH } from '../model/index.js';
import type { BatchStatus, DesiredBatch, LiveBatch, Step } from '../model/index.js';
import { lifecycleStep, newBatchStep, setBatchNotificationStep } from './cmdlets.js';
import { alreadyMigratedNote, diffMembership, hasMembershipChange } from './diff-membership.js';
import { diffRetry, diffSchedule } from './diff-schedule.js';
import { gateRemoval } from './gated-removal.js';
import type { PlanContext } from './plan-context.js';
import type { AttributeChange, Lifecycle, MembershipChange, Move, ResourceChange } from './plan.js';
import { heldByUnknownUsersNote, unknownBatchDiff, unknownUsersNote } from './unknown-status.js';

export interface BatchDiff {
  change?: ResourceChange;
  steps: Step[];
}

const NEEDS_START: ReadonlySet<BatchStatus> = new Set(['Created', 'Stopped', 'Failed']);

const sameList = (a: readonly string[], b: readonly string[]): boolean => {
  const norm = (l: readonly string[]) => l.map((x) => x.toLowerCase()).sort().join('\n');
  return norm(a) === norm(b);
};

function diffRemoved(b: DesiredBatch, live: LiveBatch | undefined): BatchDiff {
  if (!live || live.status === 'Removing') return { steps: [] };
  const base = { address: batchAddress(b.name), type: 'batch' as const, name: live.name, action: 'delete' as const,
    lifecycle: 'remove' as Lifecycle, liveStatus: live.status, mailboxesAfter: 0, attributes: [{ name: 'state', before: live.status, after: 'removed' }] };
  if (RUNNING_BATCH.has(live.status)) {
    return {
      change: { ...base, notes: ['The batch is running: it is stopped first; Remove-MigrationBatch follows once it is Stopped (run apply again).'] },
      steps: [lifecycleStep(live.name, 'stop-batch')],
    };
  }
  if (live.status === 'Stopping' || BUSY_BATCH.has(live.status)) {
    return { change: { ...base, notes: [`The batch is ${live.status}; Remove-MigrationBatch waits until it is ${live.status === 'Stopping' ? 'Stopped' : 'Synced'}.`], waitsFor: 'service' }, steps: [] };
  }
  return { change: { ...base, notes: [] }, steps: [lifecycleStep(live.name, 'remove-batch')] };
}

function diffCreate(b: DesiredBatch, live: LiveBatch | undefined, ctx: PlanContext): BatchDiff {
  const size = batchSize(b);
  const base = { address: batchAddress(b.name), type: 'batch' as const, name: b.name, mailboxesAfter: size };
  if (live?.status === 'Removing') {
    return { change: { ...base, action: 'no-op', liveStatus: live.status, attributes: [], waitsFor: 'service',
      notes: ['A batch of this name is still being removed; it is created again once removal finishes.'] }, steps: [] };
  }
  const blocked: Move[] = [];
  let migrated = 0;
  let unknown = 0;
  // A first plan (nothing live): every mailbox is free, and 200,000 of them need no lookup each; the
  // batch's own list of addresses is added, not a copy of it.
  const emails = batchEmails(b);
  const found: string[] = [];
  if (ctx.anyLiveMailbox) {
    const keys = ctx.keysOf(b);
    emails.forEach((email, i) => {
      const current = ctx.liveUserByEmail.get(keys[i]!);
      if (ctx.unknownUsers.has(keys[i]!)) unknown += 1;
      else if (ctx.migrated(keys[i]!)) migrated += 1;
      else if (current) blocked.push({ email, batch: current.batch });
      else found.push(email);
    });
  }
  const free = ctx.anyLiveMailbox ? found : emails;
  if (migrated > 0 && migrated === size) {
    // Every mailbox is migrated and the batch is gone: the service cleaned it up (a Synced batch left idle is
    // stopped after 60 days and deleted 90 days later, facts §6.5). The batch is finished, not drift.
    return { change: { ...base, action: 'no-op', attributes: [], waitsFor: 'finished', notes: [
      `Finished: all ${plural(migrated, 'mailbox', 'mailboxes')} of this batch are migrated and the service has removed the batch (it deletes idle batches on its own). Nothing is created again; set \`state: removed\` or delete the block when you no longer need it.`,
    ] }, steps: [] };
  }
  const attributes: AttributeChange[] = [
    { name: 'endpoint', after: b.endpoint },
    { name: 'csv', after: b.csv },
    { name: 'state', after: b.state },
  ];
  if (b.notificationEmails.length > 0) attributes.push({ name: 'notificationEmails', after: b.notificationEmails });
  if (b.startAfter !== undefined && b.state === 'started') attributes.push({ name: 'startAfter', after: b.startAfter });
  const notes = blocked.length
    ? [`${plural(blocked.length, 'mailbox', 'mailboxes')} ${blocked.length === 1 ? 'is' : 'are'} still in other batches (${[...new Set(blocked.map((m) => m.batch))].join(', ')}); added once removed there (run apply again).`]
    : [];
  if (migrated > 0) notes.push(alreadyMigratedNote(migrated));
  if (unknown > 0) notes.push(unknownUsersNote(unknown));
  const membership = { added: free, removed: [], movedIn: blocked, movedOut: [] };
  if (free.length === 0) {
    notes.push('New-MigrationBatch waits until at least one of its mailboxes is free.');
    return { change: { ...base, action: 'create', attributes, membership, notes }, steps: [] };
  }
  const start = b.state === 'started';
  const change: ResourceChange = { ...base, action: 'create', attributes, membership, notes };
  if (start) change.lifecycle = 'start';
  return { change, steps: [newBatchStep(b, free, start)] };
}

function lifecycleFor(b: DesiredBatch, live: LiveBatch, addsUsers: boolean): { step?: Step; lifecycle?: Lifecycle; note?: string; waits?: true } {
  const s = live.status;
  if (s === 'Corrupted') return { note: 'The batch is Corrupted: the service only allows removing it (set state: removed).' };
  if (b.state === 'started') {
    // Users added since the last start stay pending until the batch is started again.
    const pending = addsUsers || live.pendingCount > 0;
    if (NEEDS_START.has(s) || (pending && !RUNNING_BATCH.has(s))) {
      return { step: lifecycleStep(live.name, 'start-batch'), lifecycle: 'start' };
    }
    if (s === 'Stopping') return { note: 'The batch is Stopping; Start-MigrationBatch waits until it is Stopped.', waits: true };
    return {};
  }
  if (RUNNING_BATCH.has(s)) return { step: lifecycleStep(live.name, 'stop-batch'), lifecycle: 'stop' };
  return {};
}

/**
 * A batch created but never started whose members change is replaced, not appended to: the service's code
 * refuses -AddUsers while the first CSV is pending and its task text allows it (facts §10 C10, UNVERIFIED);
 * removing and creating it again works either way, and nothing was migrated yet.
 */
function replaceNeverStarted(b: DesiredBatch, live: LiveBatch, membership: MembershipChange): BatchDiff {
  return {
    change: {
      address: batchAddress(b.name), type: 'batch', name: live.name, action: 'replace', liveStatus: live.status,
      attributes: [{ name: 'csv', after: b.csv }], membership,
      notes: ['The batch was created but never started, and its mailboxes changed: it is removed and created again with the whole CSV (nothing was migrated yet). apply waits for the removal to finish (a few minutes), then runs New-MigrationBatch.'],
    },
    steps: [lifecycleStep(live.name, 'remove-batch')],
  };
}

/** A step that would remove every record of the batch (its removal or replacement) while some records' status is unknown. */
function heldByUnknown(d: BatchDiff, n: number, what: string): BatchDiff {
  if (!d.change || d.steps.length === 0) return d;
  return { change: { ...d.change, action: 'no-op', notes: [...d.change.notes, heldByUnknownUsersNote(n, what)], waitsFor: 'unknown-status' }, steps: [] };
}

export function diffBatch(b: DesiredBatch, ctx: PlanContext): BatchDiff {
  const unknownBatch = ctx.unknownBatches.get(nameKey(b.name));
  if (unknownBatch) return unknownBatchDiff(b, unknownBatch);
  const live = ctx.liveBatches.get(nameKey(b.name));
  const unknownUsers = live ? ctx.unknownUsersIn(live.name) : 0;
  if (b.state === 'removed') {
    const d = gateRemoval(b, ctx, diffRemoved(b, live));
    return unknownUsers > 0 ? heldByUnknown(d, unknownUsers, 'Remove-MigrationBatch') : d;
  }
  if (!live || live.status === 'Removing') return diffCreate(b, live, ctx);

  const attributes: AttributeChange[] = [];
  const notes: string[] = [];
  const steps: Step[] = [];
  /** A note here that only the admin can resolve (a changed endpoint, a Corrupted batch, a blocked setting). */
  let adminNote = false;
  if (live.endpoint !== undefined && nameKey(live.endpoint) !== nameKey(b.endpoint)) {
    adminNote = true;
    notes.push(`The batch uses endpoint ${live.endpoint}; a batch's source endpoint cannot be changed. Remove the batch (state: removed) and create it again to switch.`);
  }
  const settingsBlocked = live.status === 'Corrupted' || live.status === 'Completed';
  if (!sameList(b.notificationEmails, live.notificationEmails)) {
    attributes.push({ name: 'notificationEmails', before: live.notificationEmails, after: b.notificationEmails });
    if (settingsBlocked) {
      notes.push(`notificationEmails cannot be changed while the batch is ${live.status}.`);
      adminNote = true;
    }
    else steps.push(setBatchNotificationStep(b));
  }
  const m = diffMembership(b, live, ctx);
  if (live.status === 'Created' && (m.membership.added.length > 0 || m.membership.removed.length > 0 || m.membership.movedOut.length > 0)) {
    const replaced = replaceNeverStarted(b, live, m.membership);
    return unknownUsers > 0 ? heldByUnknown(replaced, unknownUsers, 'Replacing the batch') : replaced;
  }
  steps.push(...m.steps);
  notes.push(...m.notes);
  const schedule = diffSchedule(b, live);
  if (schedule.step) steps.push(schedule.step);
  if (schedule.attribute) attributes.push(schedule.attribute);
  if (schedule.note) {
    notes.push(schedule.note);
    adminNote = true;
  }
  const lc = lifecycleFor(b, live, m.addsUsers);
  if (lc.step) {
    steps.push(lc.step);
    attributes.push({ name: 'state', before: live.status, after: b.state });
  }
  if (lc.note) {
    notes.push(lc.note);
    adminNote ||= lc.waits !== true;
  }
  const retry = diffRetry(b, live, steps.length);
  if (retry.step) {
    steps.push(retry.step);
    attributes.push(retry.attribute!);
    lc.lifecycle = 'start';
  }
  const changed = steps.length > 0 || attributes.length > 0 || hasMembershipChange(m.membership);
  if (!changed && notes.length === 0) return { steps };
  const change: ResourceChange = {
    address: batchAddress(b.name), type: 'batch', name: live.name, action: steps.length > 0 ? 'update' : 'no-op',
    liveStatus: live.status, attributes, notes, mailboxesAfter: batchSize(b),
  };
  if (hasMembershipChange(m.membership)) change.membership = m.membership;
  if (lc.lifecycle) change.lifecycle = lc.lifecycle;
  // Nothing to run: the service moves on by itself, or (an already-migrated mailbox, a changed endpoint,
  // a Corrupted batch, a member of an unmanaged batch) nothing changes until the admin decides.
  if (steps.length === 0 && notes.length > 0) {
    change.waitsFor = m.waitsOnService || lc.waits === true ? 'service'
      : m.waitsOnAdmin || adminNote ? 'admin' : m.unknownStatus ? 'unknown-status' : 'nothing';
  }
  return { change, steps };
}
