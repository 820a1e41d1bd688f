import { describe, expect, it } from 'vitest';
import { AppliedRecord } from '../../../src/apply/applied/index.js';
import { emptyApplied } from '../../../src/model/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import { applied, appliedBatch } from '../../helpers/applied.js';
import { batch, desired, endpoint, live, liveBatch, liveUsers } from '../../helpers/states.js';

describe('AppliedRecord', () => {
  it('records each successful step, so a part-way failure leaves a truthful snapshot', () => {
    const d = desired([batch('W', ['a@x.com', 'c@x.com'], { notificationEmails: ['n@x.com'] })]);
    const l = live({ endpoints: [], batches: [liveBatch('W', 'Synced')], users: liveUsers('W', ['A@x.com', 'b@x.com']) });
    const plan = buildPlan(d, l);
    expect(plan.steps.map((s) => s.action)).toEqual(['new-endpoint', 'remove-user', 'add-users', 'set-batch', 'start-batch']);
    const record = new AppliedRecord(emptyApplied('simulator:x', 'now'), d, l);
    record.step(plan.steps[0]!);
    record.step(plan.steps[1]!);
    // add-users failed: the batch entry starts from the live batch and holds only what ran.
    expect(record.snapshot.batches).toEqual({ W: { state: 'started', notificationEmails: [], users: ['a@x.com'] } });
    expect(record.snapshot.endpoints.StagedEndpoint).toMatchObject({ state: 'present', maxConcurrentMigrations: 20 });
    for (const s of plan.steps.slice(2)) record.step(s);
    expect(record.snapshot.batches.W).toEqual({ state: 'started', notificationEmails: ['n@x.com'], users: ['a@x.com', 'c@x.com'] });
  });

  it('settles unchanged resources to the YAML and forgets resources no longer in it', () => {
    const d = desired([batch('W', ['a@x.com'])], [endpoint()]);
    const l = live({ batches: [liveBatch('W', 'Synced')], users: liveUsers('W', ['a@x.com']) });
    const record = new AppliedRecord(applied({ batches: { Old: appliedBatch(['z@x.com']), w: appliedBatch([]) } }), d, l);
    record.settle(buildPlan(d, l));
    expect(Object.keys(record.snapshot.batches)).toEqual(['W']);
    expect(record.snapshot.batches.W).toEqual({ state: 'started', notificationEmails: [], users: ['a@x.com'] });
    expect(Object.keys(record.snapshot.endpoints)).toEqual(['StagedEndpoint']);
  });

  it('records removals and new batches as the cmdlets set them', () => {
    const d = desired([batch('Gone', ['g@x.com'], { state: 'removed' }), batch('New', ['n@x.com'], { state: 'stopped' })]);
    const l = live({ batches: [liveBatch('Gone', 'Stopped')], users: liveUsers('Gone', ['g@x.com']) });
    const plan = buildPlan(d, l, { allowRemove: true }); // past the removal gates (tested in test/plan/removal-gates.test.ts)
    const record = new AppliedRecord(emptyApplied('simulator:x', 'now'), d, l);
    for (const s of plan.steps) record.step(s);
    expect(record.snapshot.batches).toEqual({
      Gone: { state: 'removed', notificationEmails: [], users: [] },
      New: { state: 'stopped', notificationEmails: [], users: ['n@x.com'] },
    });
  });
});
