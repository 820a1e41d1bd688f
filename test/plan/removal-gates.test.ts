import { describe, expect, it } from 'vitest';
import type { DesiredCutover, LiveUser } from '../../src/model/index.js';
import { buildPlan, isConverged, waitsOnAdmin } from '../../src/plan/index.js';
import { batch, desired, live, liveBatch, liveUsers } from '../helpers/states.js';

const CONVERTED = '2026-12-02T09:00:00Z';
const AFTER = '2026-12-02T12:00:00Z';
const BEFORE = '2026-12-01T12:00:00Z';
const at = (iso: string) => new Date(iso);
const synced = (last: string): LiveUser[] =>
  liveUsers('W', ['a@x.com', 'b@x.com']).map((u) => ({ ...u, lastSuccessfulSyncTime: last }));

function plan(opts: { users?: LiveUser[]; convertedAt?: string; cutover?: DesiredCutover; now?: string; allowRemove?: boolean; status?: 'Synced' | 'Syncing' }) {
  const d = desired([batch('W', ['a@x.com', 'b@x.com'], { state: 'removed', ...(opts.convertedAt ? { convertedAt: opts.convertedAt } : {}) })]);
  if (opts.cutover) d.cutover = opts.cutover;
  const l = live({ batches: [liveBatch('W', opts.status ?? 'Synced', { totalCount: 2 })], users: opts.users ?? synced(AFTER) });
  return buildPlan(d, l, { now: at(opts.now ?? '2026-12-10T00:00:00Z'), allowRemove: opts.allowRemove === true });
}

const cmdlets = (p: ReturnType<typeof buildPlan>) => p.steps.map((s) => s.cmdlet);
const held = (p: ReturnType<typeof buildPlan>) => p.changes[0]!.heldBy!.map((g) => g.kind);

describe('removal gates (seed step 6)', () => {
  it('removes the batch once every gate is open', () => {
    const p = plan({ convertedAt: CONVERTED, cutover: { mxSwitchedAt: '2026-12-05T00:00:00Z', waitAfterMxSwitchMs: 72 * 3_600_000 } });
    expect(cmdlets(p)).toEqual(['Remove-MigrationBatch']);
    expect(p.changes[0]).toMatchObject({ action: 'delete', notes: [] });
    expect(p.changes[0]!.heldBy).toBeUndefined();
  });

  it('gate "synced": holds while any mailbox is not Synced (a running batch is not even stopped)', () => {
    const users = [...liveUsers('W', ['a@x.com']), ...liveUsers('W', ['b@x.com'], 'Syncing')].map((u) => ({ ...u, lastSuccessfulSyncTime: AFTER }));
    const p = plan({ convertedAt: CONVERTED, users, status: 'Syncing' });
    expect(cmdlets(p)).toEqual([]);
    expect(held(p)).toEqual(['synced']);
    expect(p.changes[0]!.notes[0]).toBe('Removal held: 1 of its 2 mailboxes are not Synced (1 Syncing); opens once every mailbox is Synced (failed ones retried, or dropped from the CSV).');
    expect(p.changes[0]!.action).toBe('no-op');
    expect(isConverged(p)).toBe(false);
  });

  it('gate "synced" held only by failed or stopped mailboxes waits on the admin; one still syncing does not', () => {
    const withStatus = (status: LiveUser['status']) => [...liveUsers('W', ['a@x.com']), ...liveUsers('W', ['b@x.com'], status)].map((u) => ({ ...u, lastSuccessfulSyncTime: AFTER }));
    for (const status of ['Failed', 'IncrementalFailed', 'Stopped', 'Corrupted'] as const) {
      const p = plan({ convertedAt: CONVERTED, users: withStatus(status), status: 'Synced' });
      expect(p.changes[0]!.heldBy, status).toMatchObject([{ kind: 'synced', stuck: true }]);
      expect(waitsOnAdmin(p.changes[0]!), status).toBe(true);
    }
    for (const status of ['Syncing', 'Queued', 'Provisioning'] as const) {
      const p = plan({ convertedAt: CONVERTED, users: withStatus(status), status: 'Syncing' });
      expect(p.changes[0]!.heldBy![0]!.stuck, status).toBeUndefined();
      expect(waitsOnAdmin(p.changes[0]!), status).toBe(false);
    }
    // One failed and one still syncing: the service may still move the other; not the admin's alone yet.
    const mixed = [...liveUsers('W', ['a@x.com'], 'Failed'), ...liveUsers('W', ['b@x.com'], 'Syncing')].map((u) => ({ ...u, lastSuccessfulSyncTime: AFTER }));
    expect(waitsOnAdmin(plan({ convertedAt: CONVERTED, users: mixed, status: 'Syncing' }).changes[0]!)).toBe(false);
  });

  it('gate "converted": holds until convertedAt is recorded, and while the recorded time is in the future', () => {
    const missing = plan({});
    expect(cmdlets(missing)).toEqual([]);
    expect(held(missing)).toEqual(['converted', 'synced-after-conversion']);
    expect(missing.changes[0]!.notes[0]).toMatch(/conversion of its on-premises mailboxes to mail-enabled users is not recorded; opens once `convertedAt` is set on batch W/);
    const future = plan({ convertedAt: CONVERTED, now: '2026-12-02T08:00:00Z', users: synced('2026-12-01T00:00:00Z') });
    expect(held(future)[0]).toBe('converted');
    expect(future.changes[0]!.notes[0]).toBe('Removal held: the recorded conversion time 2026-12-02 09:00 UTC is still in the future; opens 2026-12-02 09:00 UTC.');
  });

  it('gate "synced-after-conversion": holds until every mailbox has synced after the conversion, and says when that is expected', () => {
    const users = [...synced(AFTER).slice(0, 1), { ...synced(BEFORE)[1]! }];
    const p = plan({ convertedAt: CONVERTED, users, now: '2026-12-02T10:00:00Z' });
    expect(held(p)).toEqual(['synced-after-conversion']);
    expect(p.changes[0]!.notes[0]).toBe('Removal held: 1 of its 2 mailboxes have not synced since the conversion (what reached them before it would be lost); opens at the next sync of those mailboxes (expected about 2026-12-02 12:00 UTC).');
    const none = plan({ convertedAt: CONVERTED, users: synced(CONVERTED) });
    expect(held(none)).toEqual(['synced-after-conversion']);
    expect(none.changes[0]!.notes[0]).toMatch(/overdue: if the service does not sync them again, verify mail forwarding and use --allow-remove/);
  });

  it('gate "mx-wait": holds for 72 hours after the recorded MX switch by default, or the configured wait', () => {
    const mx = '2026-12-05T18:00:00Z';
    const early = plan({ convertedAt: CONVERTED, cutover: { mxSwitchedAt: mx, waitAfterMxSwitchMs: 72 * 3_600_000 }, now: '2026-12-08T17:59:00Z' });
    expect(held(early)).toEqual(['mx-wait']);
    expect(early.changes[0]!.notes[0]).toBe('Removal held: the MX switch at 2026-12-05 18:00 UTC is less than 72 h ago; opens 2026-12-08 18:00 UTC.');
    expect(cmdlets(plan({ convertedAt: CONVERTED, cutover: { mxSwitchedAt: mx, waitAfterMxSwitchMs: 72 * 3_600_000 }, now: '2026-12-08T18:00:00Z' }))).toEqual(['Remove-MigrationBatch']);
    const week = plan({ convertedAt: CONVERTED, cutover: { mxSwitchedAt: mx, waitAfterMxSwitchMs: 7 * 86_400_000 }, now: '2026-12-10T00:00:00Z' });
    expect(held(week)).toEqual(['mx-wait']);
    expect(week.changes[0]!.notes[0]).toMatch(/less than 168 h ago; opens 2026-12-12 18:00 UTC/);
  });

  it('--allow-remove overrides the closed gates and the change names every one it skips', () => {
    const p = plan({ allowRemove: true });
    expect(cmdlets(p)).toEqual(['Remove-MigrationBatch']);
    expect(p.changes[0]!.skippedGates!.map((g) => g.kind)).toEqual(['converted', 'synced-after-conversion']);
    expect(p.changes[0]!.notes[0]).toBe('--allow-remove skips 2 closed gates: the conversion of its on-premises mailboxes to mail-enabled users is not recorded; no sync after the conversion can be checked until the conversion is recorded.');
  });

  it('an empty batch has nothing to lose: no gate holds it', () => {
    const d = desired([batch('W', [], { state: 'removed' })]);
    const p = buildPlan(d, live({ batches: [liveBatch('W', 'Stopped')] }), { now: at('2026-12-10T00:00:00Z') });
    expect(cmdlets(p)).toEqual(['Remove-MigrationBatch']);
  });
});
