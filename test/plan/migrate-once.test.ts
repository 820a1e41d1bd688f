// Never migrate a mailbox twice, and never a step the service refuses in the batch's status (DESIGN §3).
import { describe, expect, it } from 'vitest';
import { BATCH_STATUSES } from '../../src/model/index.js';
import { buildPlan, isConverged } from '../../src/plan/index.js';
import { batch, desired, live, liveBatch, liveUsers } from '../helpers/states.js';

const cmdlets = (p: ReturnType<typeof buildPlan>) => p.steps.map((s) => `${s.cmdlet} ${String(s.parameters[0]![1])}`);

describe('a mailbox is migrated once', () => {
  it('moving a Synced mailbox to another batch plans no resubmission and says why', () => {
    const d = desired([batch('A', ['a@x.com']), batch('B', ['b@x.com', 'm@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [...liveUsers('A', ['a@x.com', 'm@x.com']), ...liveUsers('B', ['b@x.com'])],
    });
    const plan = buildPlan(d, l);
    expect(plan.steps).toEqual([]);
    const [a, b] = plan.changes;
    expect(a!.notes.join(' ')).toMatch(/already migrated.*stay in this one/);
    expect(b!.notes.join(' ')).toMatch(/1 mailbox is already migrated \(a cloud mailbox exists\): not submitted again/);
  });

  it('a batch the service cleaned up after every mailbox migrated is finished, not re-created', () => {
    const d = desired([batch('Old', ['a@x.com', 'b@x.com'])]);
    const plan = buildPlan(d, live({ batches: [], users: [], mailboxes: ['A@x.com', 'b@x.com'] }));
    expect(plan.steps).toEqual([]);
    expect(plan.changes).toMatchObject([{ address: 'batch.Old', action: 'no-op' }]);
    expect(plan.changes[0]!.notes[0]).toMatch(/^Finished: all 2 mailboxes/);
  });

  it('labels what a change without steps waits for: a decision (a migrated mailbox moved), nothing (a record gone)', () => {
    // Moved to B while its record stays in A: it never changes by itself, so the admin decides.
    const moved = buildPlan(desired([batch('A', ['a@x.com']), batch('B', ['b@x.com', 'm@x.com'])]), live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [...liveUsers('A', ['a@x.com', 'm@x.com']), ...liveUsers('B', ['b@x.com'])],
    }));
    expect(moved.changes.map((c) => [c.address, c.waitsFor])).toEqual([['batch.A', 'admin'], ['batch.B', 'admin']]);
    expect(isConverged(moved)).toBe(false);
    // Listed in B, migrated before, no record left anywhere: nothing to send and nothing waits.
    const gone = buildPlan(desired([batch('B', ['b@x.com', 'm@x.com'])]), live({
      batches: [liveBatch('B', 'Synced')], users: liveUsers('B', ['b@x.com']), mailboxes: ['m@x.com'],
    }));
    expect(gone.steps).toEqual([]);
    expect(gone.changes).toMatchObject([{ address: 'batch.B', action: 'no-op', waitsFor: 'nothing' }]);
    expect(gone.changes[0]!.notes[0]).toMatch(/^1 mailbox of this CSV was migrated before and its migration record is gone/);
    expect(isConverged(gone)).toBe(true);
    // A removal in progress is the service's to finish.
    const removing = buildPlan(desired([batch('B', ['b@x.com'])]), live({ batches: [liveBatch('B', 'Removing')] }));
    expect(removing.changes[0]!.waitsFor).toBe('service');
  });

  it('re-creates a cleaned-up batch with only the mailboxes not migrated yet', () => {
    const plan = buildPlan(desired([batch('Old', ['a@x.com', 'new@x.com'])]), live({ mailboxes: ['a@x.com'] }));
    expect(cmdlets(plan)).toEqual(['New-MigrationBatch Old']);
    expect(plan.steps[0]!.parameters.find(([n]) => n === 'CSVData')![1]).toMatchObject({ csv: { emails: ['new@x.com'] } });
    expect(plan.changes[0]!.notes.join(' ')).toMatch(/already migrated/);
  });

  it('shows Remove-MigrationUser of a migrated mailbox for what it is', () => {
    const plan = buildPlan(desired([batch('A', ['a@x.com'])]), live({ batches: [liveBatch('A', 'Synced')], users: liveUsers('A', ['a@x.com', 'gone@x.com']) }));
    expect(cmdlets(plan)).toEqual(['Remove-MigrationUser gone@x.com']);
    expect(plan.changes[0]!.notes.join(' ')).toMatch(/removes only the migration record; the cloud mailbox and the mail forwarding stay/);
  });

  it('one address, one spelling: an NFD re-save and an IDN domain in either form show no changes', () => {
    const nfc = 'josé@bücher.example';
    const l = live({ batches: [liveBatch('A', 'Synced')], users: liveUsers('A', [nfc, 'zoë@xn--bcher-kva.example']) });
    const plan = buildPlan(desired([batch('A', [nfc.normalize('NFD'), 'ZOË@BÜCHER.example'.normalize('NFD')])]), l);
    expect(plan.steps).toEqual([]);
    expect(plan.changes).toEqual([]);
  });
});

describe('no step the service refuses', () => {
  it('replaces a never-started batch whose mailboxes change instead of appending to it', () => {
    const d = desired([batch('W3', ['a@x.com', 'b@x.com', 'c@x.com'], { state: 'stopped' })]);
    const l = live({ batches: [liveBatch('W3', 'Created')], users: liveUsers('W3', ['a@x.com', 'b@x.com'], 'Queued') });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual(['Remove-MigrationBatch W3']);
    expect(plan.changes).toMatchObject([{ address: 'batch.W3', action: 'replace' }]);
    expect(plan.changes[0]!.notes[0]).toMatch(/never started.*created again with the whole CSV/);
    // Once the removal has finished, the whole CSV goes into a new batch.
    const after = buildPlan(d, live({ batches: [], users: [] }));
    expect(after.steps[0]!.parameters.find(([n]) => n === 'CSVData')![1]).toMatchObject({ csv: { emails: ['a@x.com', 'b@x.com', 'c@x.com'] } });
  });

  it('never appends to a batch outside Failed, Synced and Stopped (facts §6.3)', () => {
    for (const status of ['Starting', 'Syncing', 'Waiting', 'Stopping', 'Removing', 'Corrupted', 'Completed'] as const) {
      const l = live({ batches: [liveBatch('A', status)], users: liveUsers('A', ['a@x.com']) });
      const plan = buildPlan(desired([batch('A', ['a@x.com', 'new@x.com'])]), l);
      expect(plan.steps.filter((s) => s.action === 'add-users'), status).toEqual([]);
    }
  });
});

/** Facts §6.3 (legacy matrix; PAW rules §6.4 are looser): where each step is accepted. */
const ALLOWED: Record<string, ReadonlySet<string>> = {
  'start-batch': new Set(['Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors', 'CompletedWithErrors']),
  'stop-batch': new Set(['Starting', 'Syncing', 'Waiting', 'Synced', 'SyncedWithErrors']),
  'set-batch': new Set(['Created', 'Starting', 'Syncing', 'Waiting', 'Stopping', 'Synced', 'SyncedWithErrors', 'Stopped', 'Failed', 'CompletedWithErrors', 'IncrementalSyncing', 'Completing']),
  'add-users': new Set(['Stopped', 'Failed', 'Synced', 'SyncedWithErrors']),
  'remove-batch': new Set(['Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors', 'Corrupted', 'Completed', 'CompletedWithErrors']),
  'remove-user': new Set(['Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors', 'Corrupted', 'Completed', 'CompletedWithErrors']),
};

describe('the operation matrix, walked for every status', () => {
  it('plans no step the service refuses in the batch\'s current status', () => {
    const checked: string[] = [];
    for (const status of BATCH_STATUSES) {
      for (const state of ['started', 'stopped', 'removed'] as const) {
        for (const users of [['a@x.com'], ['a@x.com', 'new@x.com'], []]) {
          const d = desired([batch('A', users, { state, notificationEmails: ['ops@x.com'], protect: false })]);
          const l = live({ batches: [liveBatch('A', status, { failedCount: 1, pendingCount: 0 })], users: liveUsers('A', ['a@x.com', 'old@x.com'], 'Failed') });
          for (const s of buildPlan(d, l).steps) {
            const ok = ALLOWED[s.action]?.has(status);
            expect(ok, `${s.cmdlet} (${s.action}) planned for a ${status} batch (state: ${state})`).toBe(true);
            checked.push(`${status}:${s.action}`);
          }
        }
      }
    }
    expect(new Set(checked.map((c) => c.split(':')[1]))).toEqual(new Set(Object.keys(ALLOWED)));
  });
});
