// Read what the tenant returns (issue 8 part 6): a batch or user with a status stagemig does not know is
// left alone (no step for it nor for what depends on it), the plan says so, and the rest plans as usual.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { toPlanDocument } from '../../src/render/plan/json-plan.js';
import { tenantFindings } from '../../src/operations/check/tenant-limits.js';
import { schemaErrors } from '../helpers/json-schema.js';
import { batch, desired, live, liveBatch, liveUsers } from '../helpers/states.js';

const cmdlets = (p: ReturnType<typeof buildPlan>) => p.steps.map((s) => `${s.cmdlet} ${String(s.parameters[0]![1])}`);

describe('an unknown status', () => {
  it('of a batch: no step for it or its mailboxes; the other batches plan as usual', () => {
    const d = desired([batch('Odd', ['a@x.com', 'new@x.com']), batch('Fine', ['b@x.com', 'c@x.com'])]);
    const l = live({
      batches: [liveBatch('Fine', 'Synced')],
      users: [...liveUsers('Odd', ['a@x.com']), ...liveUsers('Fine', ['b@x.com'])],
      unknown: [{ kind: 'batch', name: 'Odd', status: 'Paused' }],
    });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual(['Set-MigrationBatch Fine', 'Start-MigrationBatch Fine']);
    const odd = plan.changes.find((c) => c.address === 'batch.Odd')!;
    expect(odd).toMatchObject({ action: 'no-op', unknownStatus: 'Paused', waitsFor: 'unknown-status' });
    expect(odd.notes[0]).toMatch(/status as "Paused", which stagemig does not know: nothing is planned/);
    expect(plan.unknown).toEqual(l.unknown);
  });

  it('of a batch outside the YAML: listed as unmanaged with the status it showed', () => {
    const plan = buildPlan(desired([]), live({ unknown: [{ kind: 'batch', name: 'Legacy', status: '42' }] }));
    expect(plan.unmanaged).toEqual([{ address: 'batch.Legacy', status: '42' }]);
    expect(plan.steps).toEqual([]);
  });

  it('a mailbox moving in from a batch whose status is unknown waits and says why', () => {
    const d = desired([batch('Odd', []), batch('Fine', ['b@x.com', 'a@x.com'])]);
    const l = live({
      batches: [liveBatch('Fine', 'Synced')], users: [...liveUsers('Odd', ['a@x.com'], 'Failed'), ...liveUsers('Fine', ['b@x.com'])],
      unknown: [{ kind: 'batch', name: 'Odd', status: 'Paused' }],
    });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual([]);
    expect(plan.changes.find((c) => c.address === 'batch.Fine')!.notes.join(' ')).toMatch(/batch Odd, whose status stagemig does not know/);
  });

  it('of a user: no step sends, moves or removes it; the rest of its batch plans as usual', () => {
    const d = desired([batch('A', ['a@x.com', 'odd@x.com', 'new@x.com']), batch('B', ['b@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [...liveUsers('A', ['a@x.com']), ...liveUsers('B', ['b@x.com'])],
      unknown: [{ kind: 'user', name: 'odd@x.com', batch: 'A', status: 'Hibernating' }],
    });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual(['Set-MigrationBatch A', 'Start-MigrationBatch A']);
    const add = plan.steps[0]!.parameters.find(([n]) => n === 'CSVData')![1];
    expect(add).toMatchObject({ csv: { emails: ['new@x.com'] } });
    expect(plan.changes[0]!.notes.join(' ')).toMatch(/1 mailbox has a migration record with a status stagemig does not know/);
  });

  it('of a user in another batch: it is not moved', () => {
    const d = desired([batch('A', ['a@x.com']), batch('B', ['b@x.com', 'odd@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [...liveUsers('A', ['a@x.com']), ...liveUsers('B', ['b@x.com'])],
      unknown: [{ kind: 'user', name: 'odd@x.com', batch: 'A', status: 'Hibernating' }],
    });
    expect(cmdlets(buildPlan(d, l))).toEqual([]);
  });

  it('of a user holds what would remove its record: replacing a never-started batch, removing the batch', () => {
    const users = liveUsers('A', ['a@x.com'], 'Queued');
    const unknown = [{ kind: 'user' as const, name: 'odd@x.com', batch: 'A', status: 'Hibernating' }];
    const replaced = buildPlan(desired([batch('A', ['a@x.com', 'odd@x.com', 'new@x.com'], { state: 'stopped' })]), live({ batches: [liveBatch('A', 'Created')], users, unknown }));
    expect(replaced.steps).toEqual([]);
    expect(replaced.changes[0]).toMatchObject({ action: 'no-op', waitsFor: 'unknown-status' });
    expect(replaced.changes[0]!.notes.at(-1)).toMatch(/^Replacing the batch waits: the batch holds 1 migration user with a status stagemig does not know/);
    const removed = buildPlan(desired([batch('A', [], { state: 'removed' })]), live({ batches: [liveBatch('A', 'Stopped')], users: [], unknown }));
    expect(removed.steps).toEqual([]);
    expect(removed.changes[0]!.notes.at(-1)).toMatch(/^Remove-MigrationBatch waits/);
  });

  it('is said in the JSON plan document (format 1.2), which validates against its schema', () => {
    const d = desired([batch('Odd', ['a@x.com']), batch('Fine', ['b@x.com'])]);
    const l = live({
      batches: [liveBatch('Fine', 'Synced')], users: liveUsers('Fine', ['b@x.com']),
      unknown: [{ kind: 'batch', name: 'Odd', status: 'Paused' }, { kind: 'user', name: 'z@x.com', batch: 'Fine', status: '77' }],
    });
    const doc = toPlanDocument(buildPlan(d, l), { toolVersion: '0.1.0', createdAt: null, planFile: 'stagemig.yaml', backend: null });
    expect(doc.format_version).toBe('1.3');
    expect(doc.unknown).toEqual([
      { kind: 'batch', name: 'Odd', batch: null, status: 'Paused' },
      { kind: 'user', name: 'z@x.com', batch: 'Fine', status: '77' },
    ]);
    expect(doc.summary.unknown).toBe(2);
    expect(doc.resource_changes.find((c) => c.address === 'batch.Odd')).toMatchObject({ unknown_status: 'Paused', waits_for: 'unknown-status' });
    expect(schemaErrors('plan', doc)).toEqual([]);
  });
});

describe('a mailbox with several migration records (address/MailboxGuid)', () => {
  it('is removed from a batch by the identity of that record, and counts as migrated if any record is', () => {
    const guid = '0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f';
    const d = desired([batch('A', ['a@x.com']), batch('B', ['m@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [
        ...liveUsers('A', ['a@x.com']),
        { email: 'm@x.com', batch: 'A', status: 'Failed', syncedItemCount: 0, skippedItemCount: 0, identity: `m@x.com/${guid}` },
        ...liveUsers('B', ['m@x.com']),
      ],
    });
    const plan = buildPlan(d, l);
    // m@x.com is migrated (its record in B is Synced), so it is not moved; its stale record in A is not touched either.
    expect(cmdlets(plan)).toEqual([]);
    const stale = buildPlan(desired([batch('A', ['a@x.com']), batch('B', ['b@x.com'])]), l);
    expect(cmdlets(stale)).toContain(`Remove-MigrationUser m@x.com/${guid}`);
  });
});

describe('a batch with an unknown status still exists', () => {
  it('counts toward the 100-batch limit', () => {
    const unknown = Array.from({ length: 100 }, (_, i) => ({ kind: 'batch' as const, name: `Odd${i}`, status: 'Paused' }));
    const findings = tenantFindings(desired([batch('New', ['a@x.com'])]), live({ unknown }));
    expect(findings.find((f) => f.check === 'limits' && f.object === 'tenant' && f.summary.startsWith('Batches'))).toMatchObject({
      status: 'failed', counts: { live: 100, unmanaged: 100, new: 1, total: 101 },
    });
  });
});
