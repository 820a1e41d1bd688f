import { describe, expect, it } from 'vitest';
import { buildPlan, refreshOnlyPlan, targetPlan } from '../../../src/plan/index.js';
import { NO_BASELINE_NOTE } from '../../../src/render/plan/human-drift.js';
import { renderHumanPlan } from '../../../src/render/plan/human-plan.js';
import { applied, appliedBatch, appliedEndpoint } from '../../helpers/applied.js';
import { batch, desired, live, liveBatch, liveEndpoint, liveUsers } from '../../helpers/states.js';
import { planDoc } from '../../helpers/plan-doc.js';

const W = ['a@x.com', 'b@x.com'];
const snapshot = applied({ endpoints: { StagedEndpoint: appliedEndpoint() }, batches: { W: appliedBatch(W) } });
const drifted = () => live({
  endpoints: [liveEndpoint({ maxConcurrentMigrations: 40 })],
  batches: [liveBatch('W', 'Stopped')],
  users: liveUsers('W', ['a@x.com'], 'Stopped'),
});

describe('human view: drift', () => {
  it('lists drift apart and shows the restoring changes under their own heading', () => {
    const d = desired([batch('W', W), batch('New', ['n@x.com'])]);
    const text = renderHumanPlan(planDoc(buildPlan(d, drifted(), { applied: snapshot })), { color: false });
    expect(text).toContain([
      'Changes outside stagemig (drift), compared with what stagemig last applied:',
      '',
      '  batch.W',
      '    ~ is Stopped; stagemig left it started',
      '    - 1 mailbox removed from the batch outside stagemig',
      '        b@x.com',
      '  endpoint.StagedEndpoint',
      '    ~ maxConcurrentMigrations was changed outside stagemig: 20 -> 40',
      '',
      'Batches (2 batches change):',
    ].join('\n'));
    expect(text).toContain('  W      update+start (drift)  Stopped');
    expect(text).toContain(['To undo the drift (the YAML did not change), stagemig will:', '', '  # batch.W will be updated and started (now Stopped)'].join('\n'));
    const [drift, own] = text.split('stagemig will perform the following actions:');
    expect(drift).toContain('# endpoint.StagedEndpoint will be updated in place');
    expect(own).toContain('# batch.New will be created and started');
    expect(own).not.toContain('batch.W will');
  });

  it('refresh-only: drift only, no cmdlets', () => {
    const plan = refreshOnlyPlan(buildPlan(desired([batch('W', W)]), drifted(), { applied: snapshot }));
    const text = renderHumanPlan(planDoc(plan), { color: false });
    expect(text).toContain('  endpoint.StagedEndpoint\n    ~ maxConcurrentMigrations');
    expect(text).not.toContain('Cmdlets, in order');
    expect(text.trimEnd().split('\n').pop()).toMatch(/^This is a refresh-only plan: stagemig proposes no cmdlets/);
    const calm = refreshOnlyPlan(buildPlan(desired([batch('W', W)]), live({ batches: [liveBatch('W', 'Synced')], users: liveUsers('W', W) }), { applied: snapshot }));
    expect(renderHumanPlan(planDoc(calm), { color: false })).toBe('No changes outside stagemig: the migration service matches what stagemig last applied.\n');
  });

  it('says in one line when drift cannot be told apart, only if something live differs', () => {
    const text = renderHumanPlan(planDoc(buildPlan(desired([batch('W', W)]), drifted())), { color: false });
    expect(text.split('\n')).toContain(NO_BASELINE_NOTE);
    const fresh = renderHumanPlan(planDoc(buildPlan(desired([batch('W', W)]), live({ endpoints: [] }))), { color: false });
    expect(fresh).not.toContain(NO_BASELINE_NOTE);
  });

  it('warns that --target is in effect', () => {
    const d = desired([batch('W', W), batch('V', ['v@x.com'])]);
    const text = renderHumanPlan(planDoc(targetPlan(buildPlan(d, live()), d, ['batch.V'])), { color: false });
    expect(text).toContain('Warning: --target is in effect: only endpoint.StagedEndpoint, batch.V are planned; the plan may be incomplete.');
    expect(text).not.toContain('batch.W');
  });
});
