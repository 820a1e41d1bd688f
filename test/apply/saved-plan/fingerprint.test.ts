import { describe, expect, it } from 'vitest';
import { compareFingerprints, fingerprintLive } from '../../../src/apply/saved-plan/index.js';
import { live, liveBatch, liveEndpoint, liveUsers } from '../../helpers/states.js';

const base = () => live({
  batches: [liveBatch('A', 'Syncing', { totalCount: 2, syncedCount: 0, notificationEmails: ['N@x.com'] }), liveBatch('B', 'Stopped')],
  users: [...liveUsers('A', ['a1@x.com', 'a2@x.com'], 'Syncing'), ...liveUsers('B', ['b1@x.com'])],
});

describe('live fingerprint', () => {
  it('ignores counters, times and per-mailbox progress that move while a batch syncs', () => {
    const before = fingerprintLive(base());
    const moved = base();
    moved.batches[0] = { ...moved.batches[0]!, syncedCount: 2, activeCount: 0, lastSyncedDateTime: '2026-01-01T00:00:00Z' };
    moved.users = moved.users.map((u) => ({ ...u, status: 'Synced' as const, syncedItemCount: 500 })).reverse();
    expect(compareFingerprints(before, fingerprintLive(moved))).toEqual([]);
  });

  it('names each changed object and what changed: status, members, settings, appeared, gone', () => {
    const before = fingerprintLive(base());
    const now = base();
    now.batches[0] = { ...now.batches[0]!, status: 'Stopped', pendingCount: 1 };
    now.batches = [now.batches[0]!, liveBatch('C', 'Created')];
    now.users = [...liveUsers('A', ['a1@x.com']), ...liveUsers('C', ['b1@x.com'])];
    now.endpoints = [liveEndpoint({ maxConcurrentMigrations: 50 })];
    expect(compareFingerprints(before, fingerprintLive(now))).toEqual([
      { address: 'batch.A', what: 'status Syncing → Stopped; pending mailboxes 0 → 1; mailboxes changed (2 → 1)' },
      { address: 'batch.B', what: 'no longer exists' },
      { address: 'batch.C', what: 'appeared in the migration service' },
      { address: 'endpoint.StagedEndpoint', what: 'maxConcurrentMigrations 20 → 50' },
    ]);
  });

  it('compares notification emails and member addresses case-insensitively', () => {
    const before = fingerprintLive(base());
    const now = base();
    now.batches[0] = { ...now.batches[0]!, notificationEmails: ['n@X.com'] };
    now.users = now.users.map((u) => ({ ...u, email: u.email.toUpperCase() }));
    expect(compareFingerprints(before, fingerprintLive(now))).toEqual([]);
  });

  it('stays small for 200,000 mailboxes (time not asserted: timing belongs to npm run bench)', () => {
    const big = live({
      batches: Array.from({ length: 100 }, (_, b) => liveBatch(`W${b}`, 'Synced')),
      users: Array.from({ length: 100 }, (_, b) => liveUsers(`W${b}`, Array.from({ length: 2000 }, (_, u) => `u${b}x${u}@x.com`))).flat(),
    });
    const fp = fingerprintLive(big);
    expect(JSON.stringify(fp).length).toBeLessThan(100 * 300);
  });
});
