import { describe, expect, it } from 'vitest';
import { buildPlan, isConverged, waitsOnAdmin } from '../../src/plan/index.js';
import { batch, desired, endpoint, live, liveBatch, liveEndpoint, liveUsers } from '../helpers/states.js';

const cmdlets = (p: ReturnType<typeof buildPlan>) => p.steps.map((s) => `${s.cmdlet} ${s.address}`);

describe('buildPlan', () => {
  it('creates the endpoint before the batches, and starts batches with -AutoStart', () => {
    const plan = buildPlan(desired([batch('B2', ['b@x.com']), batch('B1', ['a@x.com'], { state: 'stopped' })]), live({ endpoints: [] }));
    expect(cmdlets(plan)).toEqual([
      'New-MigrationEndpoint endpoint.StagedEndpoint',
      'New-MigrationBatch batch.B1',
      'New-MigrationBatch batch.B2',
    ]);
    const b1 = plan.steps[1]!.parameters.map(([k]) => k);
    const b2 = plan.steps[2]!.parameters.map(([k]) => k);
    expect(b1).not.toContain('AutoStart');
    expect(b2).toContain('AutoStart');
    expect(plan.summary).toEqual({ add: 3, change: 0, remove: 0 });
  });

  it('never puts a password in a step: credentials name their environment variable', () => {
    const plan = buildPlan(desired([]), live({ endpoints: [] }));
    const json = JSON.stringify(plan);
    expect(json).toContain('"passwordEnv":"ONPREM_PW"');
    expect(json).not.toMatch(/"password"\s*:/);
  });

  it('reports no changes when live matches, case-insensitively', () => {
    const d = desired([batch('Wave1', ['A@x.com', 'b@x.com'])]);
    const l = live({ batches: [liveBatch('wave1', 'Synced')], users: liveUsers('wave1', ['a@X.com', 'B@x.com']) });
    const plan = buildPlan(d, l);
    expect(plan.changes).toEqual([]);
    expect(isConverged(plan)).toBe(true);
  });

  it('adds new CSV rows with -AddUsers, removes dropped ones, then restarts the batch', () => {
    const d = desired([batch('W', ['a@x.com', 'c@x.com', 'd@x.com'])]);
    const l = live({ batches: [liveBatch('W', 'Synced')], users: liveUsers('W', ['a@x.com', 'b@x.com']) });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual(['Remove-MigrationUser batch.W', 'Set-MigrationBatch batch.W', 'Start-MigrationBatch batch.W']);
    const add = plan.steps[1]!;
    expect(add.parameters).toContainEqual(['AddUsers', true]);
    expect(add.parameters).toContainEqual(['CSVData', { csv: { batch: 'W', file: 'batches/W.csv', emails: ['c@x.com', 'd@x.com'] } }]);
    expect(plan.steps[0]!.parameters[0]).toEqual(['Identity', 'b@x.com']);
    expect(plan.changes[0]!.membership).toEqual({ added: ['c@x.com', 'd@x.com'], removed: ['b@x.com'], movedIn: [], movedOut: [] });
    expect(plan.summary).toEqual({ add: 0, change: 1, remove: 0 });
  });

  it('does not emit steps the service forbids while a batch is syncing, and says what they wait for', () => {
    const d = desired([batch('W', ['a@x.com', 'c@x.com'])]);
    const l = live({ batches: [liveBatch('W', 'Syncing')], users: liveUsers('W', ['a@x.com', 'b@x.com'], 'Syncing') });
    const plan = buildPlan(d, l);
    expect(plan.steps).toEqual([]);
    expect(plan.changes[0]!.notes.join(' ')).toMatch(/cannot be removed while the batch is Syncing/);
    expect(plan.changes[0]!.notes.join(' ')).toMatch(/cannot be added while the batch is Syncing/);
    expect(isConverged(plan)).toBe(false);
  });

  it('maps desired state to lifecycle steps per DESIGN §3', () => {
    const cases: Array<[string, 'started' | 'stopped' | 'removed', string[]]> = [
      ['Created', 'started', ['Start-MigrationBatch']],
      ['Stopped', 'started', ['Start-MigrationBatch']],
      ['Failed', 'started', ['Start-MigrationBatch']],
      ['Syncing', 'started', []],
      ['Synced', 'started', []],
      ['Syncing', 'stopped', ['Stop-MigrationBatch']],
      ['Waiting', 'stopped', ['Stop-MigrationBatch']],
      ['Synced', 'stopped', []],
      ['Syncing', 'removed', ['Stop-MigrationBatch']],
      ['Stopped', 'removed', ['Remove-MigrationBatch']],
      ['Synced', 'removed', ['Remove-MigrationBatch']],
      ['Removing', 'removed', []],
    ];
    for (const [status, state, expected] of cases) {
      // The removal gates (seed step 6) have their own tests; --allow-remove lets the lifecycle show here.
      const plan = buildPlan(desired([batch('W', ['a@x.com'], { state })]), live({ batches: [liveBatch('W', status as never)], users: liveUsers('W', ['a@x.com']) }), { allowRemove: true });
      expect([status, state, plan.steps.map((s) => s.cmdlet)]).toEqual([status, state, expected]);
    }
  });

  it('shows a move and removes a not-yet-migrated mailbox from its old batch before adding it to the new one', () => {
    const d = desired([batch('A', ['a@x.com']), batch('B', ['b@x.com', 'm@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('B', 'Synced')],
      users: [...liveUsers('A', ['a@x.com']), ...liveUsers('A', ['m@x.com'], 'Stopped'), ...liveUsers('B', ['b@x.com'])],
    });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual(['Remove-MigrationUser batch.A']);
    const [a, b] = plan.changes;
    expect(a!.membership!.movedOut).toEqual([{ email: 'm@x.com', batch: 'B' }]);
    expect(b!.membership!.movedIn).toEqual([{ email: 'm@x.com', batch: 'A' }]);
    expect(b!.notes.join(' ')).toMatch(/moving in from batch A/);
  });

  it('updates endpoint settings in place and lists unmanaged objects untouched', () => {
    const d = desired([], [endpoint({ maxConcurrentMigrations: 40 })]);
    const l = live({ endpoints: [liveEndpoint(), liveEndpoint({ name: 'Other' })], batches: [liveBatch('Legacy', 'Synced', { totalCount: 3 })] });
    const plan = buildPlan(d, l);
    expect(cmdlets(plan)).toEqual(['Set-MigrationEndpoint endpoint.StagedEndpoint']);
    expect(plan.steps[0]!.parameters).toEqual([['Identity', 'StagedEndpoint'], ['MaxConcurrentMigrations', 40]]);
    expect(plan.unmanaged).toEqual([
      { address: 'batch.Legacy', status: 'Synced', mailboxes: 3 },
      { address: 'endpoint.Other' },
    ]);
  });

  it('an endpoint whose type or autodiscover differs waits on your decision, not on the service', () => {
    const plan = buildPlan(desired([], [endpoint()]), live({ endpoints: [liveEndpoint({ autodiscover: false })] }));
    expect(plan.steps).toEqual([]);
    expect(plan.changes).toMatchObject([{ address: 'endpoint.StagedEndpoint', action: 'no-op', waitsFor: 'admin' }]);
    expect(plan.changes[0]!.notes[0]).toMatch(/autodiscover cannot be changed on an existing endpoint/);
  });

  it('removes an endpoint only once no batch uses it', () => {
    const d = desired([], [endpoint({ state: 'removed' })]);
    const used = buildPlan(d, live({ batches: [liveBatch('W', 'Removing')] }));
    expect(used.steps).toEqual([]);
    expect(used.changes[0]!.notes[0]).toMatch(/still used by: W/);
    const free = buildPlan(d, live());
    expect(cmdlets(free)).toEqual(['Remove-MigrationEndpoint endpoint.StagedEndpoint']);
    expect(free.summary.remove).toBe(1);
  });

  it('an endpoint removal held by a batch that is not leaving waits on your decision; by batches being removed, on the service', () => {
    // W is being removed by the service, V by the plan: both go away by themselves.
    const leaving = buildPlan(desired([batch('V', ['v@x.com'], { state: 'removed', convertedAt: '2026-01-01T00:00:00Z' })], [endpoint({ state: 'removed' })]),
      live({ batches: [liveBatch('W', 'Removing'), liveBatch('V', 'Synced')] }));
    expect(leaving.changes.find((c) => c.type === 'endpoint')).toMatchObject({ waitsFor: 'service' });
    // U is not in the plan and nobody removes it; K is in the plan and stays started.
    const held = buildPlan(desired([batch('K', ['k@x.com'])], [endpoint({ state: 'removed' })]),
      live({ batches: [liveBatch('U', 'Synced'), liveBatch('K', 'Synced'), liveBatch('W', 'Removing')] }));
    const change = held.changes.find((c) => c.type === 'endpoint')!;
    expect(change).toMatchObject({ waitsFor: 'admin', action: 'delete' });
    expect(change.notes).toEqual([
      'Remove-MigrationEndpoint waits until no batch uses this endpoint (still used by: U, K, W).',
      'U, K are not being removed: set `state: removed` on them in the YAML (or remove them outside stagemig, if not in the plan), or keep the endpoint.',
    ]);
    expect(waitsOnAdmin(change)).toBe(true);
  });

  it('is deterministic: the same inputs give the same plan byte for byte', () => {
    const d = desired([batch('Z', ['z@x.com']), batch('A', ['q@x.com', 'p@x.com'])]);
    const l = live({ endpoints: [] });
    expect(JSON.stringify(buildPlan(d, l))).toBe(JSON.stringify(buildPlan(structuredClone(d), structuredClone(l))));
  });
});
