import { describe, expect, it } from 'vitest';
import { buildPlan, protectionDiagnostics, resolveTarget, targetPlan } from '../../src/plan/index.js';
import { batch, desired, endpoint, live, liveBatch, liveUsers } from '../helpers/states.js';

const cmdlets = (p: ReturnType<typeof buildPlan>) => p.steps.map((s) => `${s.cmdlet} ${s.address}`);

describe('targetPlan', () => {
  it('keeps the targeted batch and the endpoint it needs', () => {
    const d = desired([batch('A', ['a@x.com']), batch('B', ['b@x.com'])]);
    const plan = targetPlan(buildPlan(d, live({ endpoints: [] })), d, ['batch.b']);
    expect(cmdlets(plan)).toEqual(['New-MigrationEndpoint endpoint.StagedEndpoint', 'New-MigrationBatch batch.B']);
    expect(plan.targets).toEqual(['endpoint.StagedEndpoint', 'batch.B']);
    expect(plan.summary).toEqual({ add: 2, change: 0, remove: 0 });
  });

  it('targets an endpoint alone', () => {
    const d = desired([batch('A', ['a@x.com'])]);
    const plan = targetPlan(buildPlan(d, live({ endpoints: [] })), d, ['endpoint.StagedEndpoint']);
    expect(cmdlets(plan)).toEqual(['New-MigrationEndpoint endpoint.StagedEndpoint']);
  });

  it('keeps the removals a move into a targeted batch depends on', () => {
    const d = desired([batch('A', ['a@x.com', 'stay@x.com']), batch('B', ['b@x.com', 'm@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [...liveUsers('A', ['a@x.com', 'gone@x.com']), ...liveUsers('A', ['m@x.com'], 'Queued'), ...liveUsers('B', ['b@x.com'])],
    });
    const plan = targetPlan(buildPlan(d, l), d, ['batch.B']);
    expect(plan.steps.map((s) => `${s.cmdlet} ${String(s.parameters[0]![1])}`)).toEqual(['Remove-MigrationUser m@x.com']);
    expect(plan.changes.find((c) => c.address === 'batch.A')!.membership!.movedOut).toEqual([{ email: 'm@x.com', batch: 'B' }]);
  });

  it('resolves targets case-insensitively to their YAML spelling', () => {
    const d = desired([batch('Wave1', ['a@x.com'])]);
    expect(resolveTarget(d, 'batch.WAVE1')).toBe('batch.Wave1');
    expect(resolveTarget(d, 'batch.Nope')).toBeUndefined();
    expect(resolveTarget(d, 'Wave1')).toBeUndefined();
  });
});

describe('protectionDiagnostics', () => {
  const removing = (status: 'Synced' | 'Syncing', protect = true) => {
    const d = desired([batch('W', ['a@x.com', 'b@x.com'], { state: 'removed', protect })]);
    const l = live({ batches: [liveBatch('W', 'Stopped')], users: [...liveUsers('W', ['a@x.com']), ...liveUsers('W', ['b@x.com'], status)] });
    return { d, l, plan: buildPlan(d, l) };
  };

  it('never plans removing a batch whose mailboxes are not all Synced: the removal gate holds it, whatever protect says', () => {
    for (const protect of [true, false]) {
      const { d, l, plan } = removing('Syncing', protect);
      expect(plan.steps).toEqual([]);
      expect(plan.changes[0]!.notes[0]).toMatch(/^Removal held: 1 of its 2 mailboxes are not Synced \(1 Syncing\); opens once every mailbox is Synced/);
      expect(protectionDiagnostics(plan, d, l, { allowRemove: false })).toEqual([]);
    }
  });

  it('allows it with --allow-remove, with protect: false, or when every mailbox is Synced', () => {
    const a = removing('Syncing');
    expect(protectionDiagnostics(a.plan, a.d, a.l, { allowRemove: true })).toEqual([]);
    const b = removing('Syncing', false);
    expect(protectionDiagnostics(b.plan, b.d, b.l, { allowRemove: false })).toEqual([]);
    const c = removing('Synced');
    expect(protectionDiagnostics(c.plan, c.d, c.l, { allowRemove: false })).toEqual([]);
  });

  it('always protects endpoints unless allowed', () => {
    const d = desired([], [endpoint({ state: 'removed' })]);
    const plan = buildPlan(d, live());
    expect(protectionDiagnostics(plan, d, live(), { allowRemove: false }).map((x) => x.address)).toEqual(['endpoint.StagedEndpoint']);
    const open = desired([], [endpoint({ state: 'removed', protect: false })]);
    expect(protectionDiagnostics(buildPlan(open, live()), open, live(), { allowRemove: false })).toEqual([]);
  });
});
