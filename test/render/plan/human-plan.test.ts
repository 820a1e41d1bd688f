import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/index.js';
import { renderHumanPlan } from '../../../src/render/plan/human-plan.js';
import { batch, desired, live, liveBatch, liveUsers } from '../../helpers/states.js';
import { planDoc } from '../../helpers/plan-doc.js';

describe('renderHumanPlan', () => {
  it('prints the no-changes line when live matches', () => {
    const text = renderHumanPlan(planDoc(buildPlan(desired([]), live())), { color: false });
    expect(text).toBe('No changes. The migration service matches the plan.\n');
  });

  it('shows symbols, before → after, mailboxes, numbered cmdlets and the summary', () => {
    const d = desired([batch('W', ['a@x.com', 'c@x.com'], { notificationEmails: ['n@x.com'] }), batch('New', ['z@x.com'])]);
    const l = live({ batches: [liveBatch('W', 'Synced'), liveBatch('Old', 'Stopped', { totalCount: 4 })], users: liveUsers('W', ['a@x.com', 'b@x.com']) });
    const text = renderHumanPlan(planDoc(buildPlan(d, l)), { color: false });
    expect(text).toContain('  # batch.New will be created and started\n  + batch "New" {');
    expect(text).toContain('  # batch.W will be updated and started (now Synced)\n  ~ batch "W" {');
    expect(text).toContain('~ notificationEmails = [] -> ["n@x.com"]');
    expect(text).toContain('          + c@x.com\n          - b@x.com');
    expect(text).toContain('Unmanaged objects (in the migration service but not in this plan; left untouched):\n  batch.Old (Stopped, 4 mailboxes)');
    expect(text).toMatch(/1\. New-MigrationBatch -Name 'New'.*# batch\.New/);
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['Plan: 1 to add, 1 to change, 0 to remove.', 'Mailboxes: 2 to add, 1 to remove, 0 to move.']);
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('colours only when asked', () => {
    const text = renderHumanPlan(planDoc(buildPlan(desired([batch('N', ['z@x.com'])]), live())), { color: true });
    expect(text).toMatch(/\x1b\[/);
  });
});
