// startAfter (New-MigrationBatch -StartAfter, Set-MigrationBatch -StartAfter, Waiting) and retryFailed.
import { describe, expect, it } from 'vitest';
import { buildPlan, isConverged } from '../../src/plan/index.js';
import { formatStep } from '../../src/render/plan/cmdlet-text.js';
import { batch, desired, live, liveBatch, liveUsers } from '../helpers/states.js';

const lines = (p: ReturnType<typeof buildPlan>) => p.steps.map(formatStep);
const AT = '2026-11-30T18:00:00+01:00';

describe('startAfter', () => {
  it('creates a scheduled batch with -StartAfter in UTC instead of -AutoStart', () => {
    const plan = buildPlan(desired([batch('W1', ['a@x.com'], { startAfter: AT })]), live());
    expect(lines(plan)).toEqual(["New-MigrationBatch -Name 'W1' -SourceEndpoint 'StagedEndpoint' -CSVData (1 row from 'batches/W1.csv') -StartAfter '2026-11-30T17:00:00Z'"]);
    expect(plan.changes[0]!.attributes).toContainEqual({ name: 'startAfter', after: AT });
  });

  it('counts a Waiting batch as converged for started', () => {
    const d = desired([batch('W1', ['a@x.com'], { startAfter: AT })]);
    const l = live({ batches: [liveBatch('W1', 'Waiting', { startAfter: '2026-11-30T17:00:00Z', activeCount: 1, totalCount: 1 })], users: liveUsers('W1', ['a@x.com'], 'Queued') });
    const plan = buildPlan(d, l);
    expect(plan.changes).toEqual([]);
    expect(isConverged(plan)).toBe(true);
  });

  it('sends a changed time to a Created batch, then starts it', () => {
    const d = desired([batch('W1', ['a@x.com'], { startAfter: AT })]);
    const l = live({ batches: [liveBatch('W1', 'Created', { startAfter: '2026-11-29T08:00:00Z' })], users: liveUsers('W1', ['a@x.com'], 'Queued') });
    const plan = buildPlan(d, l);
    expect(lines(plan)).toEqual([
      "Set-MigrationBatch -Identity 'W1' -StartAfter '2026-11-30T17:00:00Z'",
      "Start-MigrationBatch -Identity 'W1'",
    ]);
    expect(plan.changes[0]!.attributes).toContainEqual({ name: 'startAfter', before: '2026-11-29T08:00:00Z', after: AT });
  });

  it('explains that a Waiting batch cannot be rescheduled in place', () => {
    const d = desired([batch('W1', ['a@x.com'], { startAfter: AT })]);
    const l = live({ batches: [liveBatch('W1', 'Waiting', { startAfter: '2026-11-29T08:00:00Z' })], users: liveUsers('W1', ['a@x.com'], 'Queued') });
    const plan = buildPlan(d, l);
    expect(plan.steps).toEqual([]);
    expect(plan.changes[0]!.notes[0]).toMatch(/^startAfter cannot be changed while the batch is Waiting/);
  });

  it('ignores the time once the batch has started', () => {
    const d = desired([batch('W1', ['a@x.com'], { startAfter: AT })]);
    const l = live({ batches: [liveBatch('W1', 'Synced', { startAfter: '2026-11-29T08:00:00Z' })], users: liveUsers('W1', ['a@x.com']) });
    expect(buildPlan(d, l).changes).toEqual([]);
  });
});

describe('retryFailed', () => {
  const failed = (extra = {}) => live({
    batches: [liveBatch('W1', 'SyncedWithErrors', { totalCount: 2, syncedCount: 1, failedCount: 1, ...extra })],
    users: [...liveUsers('W1', ['a@x.com']), ...liveUsers('W1', ['b@x.com'], 'Failed')],
  });

  it('retries the failed mailboxes of a SyncedWithErrors batch', () => {
    const plan = buildPlan(desired([batch('W1', ['a@x.com', 'b@x.com'], { retryFailed: true })]), failed());
    expect(lines(plan)).toEqual(["Start-MigrationBatch -Identity 'W1'"]);
    expect(plan.changes[0]).toMatchObject({ action: 'update', lifecycle: 'start', attributes: [{ name: 'failedMailboxes', before: 1, after: 0 }] });
  });

  it('leaves failed mailboxes alone without retryFailed', () => {
    expect(buildPlan(desired([batch('W1', ['a@x.com', 'b@x.com'])]), failed()).changes).toEqual([]);
  });

  it('does not add a retry while something else is pending for the batch', () => {
    const adding = buildPlan(desired([batch('W1', ['a@x.com', 'b@x.com', 'c@x.com'], { retryFailed: true })]), failed());
    expect(adding.steps.map((s) => s.cmdlet)).toEqual(['Set-MigrationBatch', 'Start-MigrationBatch']);
    expect(adding.changes[0]!.attributes.map((a) => a.name)).not.toContain('failedMailboxes');
    const pending = buildPlan(desired([batch('W1', ['a@x.com', 'b@x.com'], { retryFailed: true })]), failed({ pendingCount: 1 }));
    expect(pending.changes[0]!.attributes.map((a) => a.name)).not.toContain('failedMailboxes');
  });
});
