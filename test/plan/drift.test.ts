import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { applied, appliedBatch, appliedEndpoint } from '../helpers/applied.js';
import { batch, desired, endpoint, live, liveBatch, liveEndpoint, liveUsers } from '../helpers/states.js';

const W = ['a@x.com', 'b@x.com'];
const snapshot = applied({ endpoints: { StagedEndpoint: appliedEndpoint() }, batches: { W: appliedBatch(W) } });
const converged = () => live({ batches: [liveBatch('W', 'Synced')], users: liveUsers('W', W) });
const kinds = (p: ReturnType<typeof buildPlan>) => p.drift.map((d) => [d.address, d.kind, d.summary]);
const origins = (p: ReturnType<typeof buildPlan>) => p.changes.map((c) => [c.address, c.origin]);

describe('drift: live ≠ last applied while the YAML = last applied', () => {
  it('finds nothing when the service matches what was applied', () => {
    const plan = buildPlan(desired([batch('W', W)]), converged(), { applied: snapshot });
    expect(plan.drift).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.driftBaseline).toBe('last-applied');
  });

  it('a batch stopped outside stagemig is drift, and the plan starts it again', () => {
    const l = live({ batches: [liveBatch('W', 'Stopped')], users: liveUsers('W', W, 'Stopped') });
    const plan = buildPlan(desired([batch('W', W)]), l, { applied: snapshot });
    expect(kinds(plan)).toEqual([['batch.W', 'status', 'is Stopped; stagemig left it started']]);
    expect(plan.drift[0]).toMatchObject({ expected: 'started', actual: 'Stopped' });
    expect(origins(plan)).toEqual([['batch.W', 'drift']]);
    expect(plan.steps.map((s) => s.cmdlet)).toEqual(['Start-MigrationBatch']);
  });

  it('a mailbox removed by hand is drift; one added by hand too', () => {
    const l = live({ batches: [liveBatch('W', 'Synced')], users: liveUsers('W', ['a@x.com', 'intruder@x.com']) });
    const plan = buildPlan(desired([batch('W', W)]), l, { applied: snapshot });
    expect(kinds(plan)).toEqual([
      ['batch.W', 'membership', '1 mailbox removed from the batch outside stagemig'],
      ['batch.W', 'membership', '1 mailbox added to the batch outside stagemig'],
    ]);
    expect(plan.drift.map((d) => [d.expected, d.actual])).toEqual([[['b@x.com'], null], [null, ['intruder@x.com']]]);
    expect(origins(plan)).toEqual([['batch.W', 'drift']]);
  });

  it('an endpoint setting changed outside stagemig is drift (username compares case-insensitively)', () => {
    const l = converged();
    l.endpoints = [liveEndpoint({ maxConcurrentMigrations: 40, username: 'contoso\\ADMINISTRATOR' })];
    const plan = buildPlan(desired([batch('W', W)]), l, { applied: snapshot });
    expect(kinds(plan)).toEqual([['endpoint.StagedEndpoint', 'setting', 'maxConcurrentMigrations was changed outside stagemig']]);
    expect(plan.drift[0]).toMatchObject({ expected: 20, actual: 40 });
    expect(plan.steps[0]!.parameters).toEqual([['Identity', 'StagedEndpoint'], ['MaxConcurrentMigrations', 20]]);
  });

  it('objects deleted outside stagemig are drift, and the plan creates them again', () => {
    const plan = buildPlan(desired([batch('W', W)]), live({ endpoints: [] }), { applied: snapshot });
    expect(kinds(plan)).toEqual([
      ['batch.W', 'missing', 'was removed outside stagemig'],
      ['endpoint.StagedEndpoint', 'missing', 'was removed outside stagemig'],
    ]);
    expect(origins(plan)).toEqual([['batch.W', 'drift'], ['endpoint.StagedEndpoint', 'drift']]);
    expect(plan.steps.map((s) => s.cmdlet)).toEqual(['New-MigrationEndpoint', 'New-MigrationBatch']);
  });

  it('notification addresses changed outside stagemig are drift', () => {
    const l = live({ batches: [liveBatch('W', 'Synced', { notificationEmails: ['boss@x.com'] })], users: liveUsers('W', W) });
    const plan = buildPlan(desired([batch('W', W)]), l, { applied: snapshot });
    expect(kinds(plan)).toEqual([['batch.W', 'setting', 'notificationEmails was changed outside stagemig']]);
  });

  it('a batch stagemig removed that comes back is drift', () => {
    const removed = applied({ batches: { W: appliedBatch([], { state: 'removed' }) } });
    const plan = buildPlan(desired([batch('W', W, { state: 'removed' })]), converged(), { applied: removed });
    expect(kinds(plan)).toEqual([['batch.W', 'status', 'was created again outside stagemig after stagemig removed it']]);
  });
});

describe('YAML changes are not drift', () => {
  it('a YAML edit is a YAML change even when the service differs from the YAML', () => {
    const d = desired([batch('W', [...W, 'c@x.com'], { state: 'stopped' })], [endpoint({ maxConcurrentMigrations: 30 })]);
    const l = live({ batches: [liveBatch('W', 'Syncing')], users: liveUsers('W', W, 'Syncing') });
    const plan = buildPlan(d, l, { applied: snapshot });
    expect(plan.drift).toEqual([]);
    expect(origins(plan)).toEqual([['batch.W', 'config'], ['endpoint.StagedEndpoint', 'config']]);
  });

  it('the same attribute changed in YAML and in the service counts as a YAML change', () => {
    const l = converged();
    l.endpoints = [liveEndpoint({ maxConcurrentMigrations: 40 })];
    const plan = buildPlan(desired([batch('W', W)], [endpoint({ maxConcurrentMigrations: 30 })]), l, { applied: snapshot });
    expect(plan.drift).toEqual([]);
    expect(origins(plan)).toEqual([['endpoint.StagedEndpoint', 'config']]);
  });

  it('drift and a YAML edit on one batch make a mixed change', () => {
    const l = live({ batches: [liveBatch('W', 'Stopped')], users: liveUsers('W', W, 'Stopped') });
    const plan = buildPlan(desired([batch('W', [...W, 'c@x.com'])]), l, { applied: snapshot });
    expect(kinds(plan)).toEqual([['batch.W', 'status', 'is Stopped; stagemig left it started']]);
    expect(origins(plan)).toEqual([['batch.W', 'mixed']]);
  });

  it('a resource the snapshot does not know is a YAML change', () => {
    const plan = buildPlan(desired([batch('W', W), batch('New', ['n@x.com'])]), converged(), { applied: snapshot });
    expect(origins(plan)).toEqual([['batch.New', 'config']]);
  });

  it('without a snapshot nothing is drift and the plan says the baseline is missing', () => {
    const l = live({ batches: [liveBatch('W', 'Stopped')], users: liveUsers('W', W, 'Stopped') });
    const plan = buildPlan(desired([batch('W', W)]), l);
    expect(plan.drift).toEqual([]);
    expect(plan.driftBaseline).toBe('none');
    expect(plan.changes[0]!.origin).toBeUndefined();
  });
});
