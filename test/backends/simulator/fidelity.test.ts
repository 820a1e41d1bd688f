// Per-mailbox work, concurrency limits, service limits and batch counters (facts §4.1, §7.3, §7.4, §11).
import { describe, expect, it } from 'vitest';
import {
  advanceState, nextEventAt, readBatches, readUsers, SERVICE_TEXTS as T, timing, type SimState,
} from '../../../src/backends/simulator/index.js';
import { consistencyScore, mailboxProfile } from '../../../src/backends/simulator/timing.js';
import { advance, batchOf, csvOf, emails, ok, refused, userOf, withBatch, withEndpoint } from './helpers.js';

const MINUTE = 60_000;
const start = (s: SimState, name: string): SimState => ok(s, 'Start-MigrationBatch', { Identity: name });

describe('per-mailbox work', () => {
  it('derives size and item count from the address, and the sync time from the size', () => {
    const profiles = emails('m', 200).map(mailboxProfile);
    for (const p of profiles) {
      expect(p.sizeBytes).toBeGreaterThanOrEqual(timing.MAILBOX_MIN_BYTES);
      expect(p.sizeBytes).toBeLessThanOrEqual(timing.MAILBOX_MAX_BYTES);
      expect(p.sizeBytes / p.items).toBeGreaterThanOrEqual(40 * 1024 - 1);
      expect(p.sizeBytes / p.items).toBeLessThanOrEqual(120 * 1024 + 1);
      const expected = timing.SYNC_SETUP_MS + (p.sizeBytes / timing.SYNC_BYTES_PER_HOUR) * 60 * MINUTE;
      expect(Math.abs(p.syncMs - expected)).toBeLessThanOrEqual(1000);
    }
    const bySize = [...profiles].sort((a, b) => a.sizeBytes - b.sizeBytes);
    expect(bySize[0]!.syncMs).toBeLessThan(bySize.at(-1)!.syncMs);
    expect(new Set(profiles.map((p) => p.items)).size).toBeGreaterThan(150);
  });

  it('copies items at the mailbox rate during the initial sync', () => {
    const email = 'a@contoso.com';
    const p = mailboxProfile(email);
    let s = advance(start(withBatch(withEndpoint(), 'B1', [email]), 'B1'), '2m');
    s = advanceState(s, p.provisioningMs + p.syncMs / 2);
    expect(userOf(s, email)).toMatchObject({ status: 'Syncing' });
    expect(userOf(s, email).syncedItemCount).toBe(Math.floor(p.items / 2));
  });

  it('moves the batch counters and dates with the users', () => {
    let s = ok(withBatch(withEndpoint(undefined, { MaxConcurrentMigrations: 1, MaxConcurrentIncrementalSyncs: 1 }), 'B1', emails('u', 3)), 'Start-MigrationBatch', { Identity: 'B1' });
    expect(batchOf(s, 'B1')).toMatchObject({ totalCount: 3, activeCount: 3, pendingCount: 0, provisionedCount: 0, creationDateTime: '2026-01-05T09:00:00Z', startDateTime: '2026-01-05T09:00:00Z' });
    const first = readUsers(advance(s, '2m')).find((u) => u.status === 'Provisioning')!;
    s = advanceState(s, 2 * MINUTE + mailboxProfile(first.email).provisioningMs);
    expect(batchOf(s, 'B1')).toMatchObject({ provisionedCount: 1, activeCount: 3, syncedCount: 0 });
    expect(batchOf(s, 'B1').initialSyncDateTime).toBeUndefined();
    s = advance(s, '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', syncedCount: 3, provisionedCount: 3, activeCount: 0 });
    expect(batchOf(s, 'B1').lastSyncedDateTime).toBe(batchOf(s, 'B1').initialSyncDateTime);
  });

  it('scores data consistency from skipped items, the batch taking its worst mailbox', () => {
    expect([consistencyScore(100, 0), consistencyScore(100, 3), consistencyScore(1000, 8), consistencyScore(100, 8)])
      .toEqual(['Perfect', 'Good', 'Investigate', 'Poor']);
    const list = emails('dcs', 40);
    const s = advance(start(withBatch(withEndpoint(), 'B1', list), 'B1'), '1d');
    const worst = list.map((e) => mailboxProfile(e)).map((p) => consistencyScore(p.items, p.skipped));
    const order = ['Perfect', 'Good', 'Investigate', 'Poor'];
    expect(batchOf(s, 'B1').dataConsistencyScore).toBe(order[Math.max(...worst.map((x) => order.indexOf(x)))]);
    expect(batchOf(withBatch(withEndpoint(), 'B2', ['x@contoso.com']), 'B2').dataConsistencyScore).toBeUndefined();
  });

  it('tells when the service next changes by itself', () => {
    const s = start(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'B1');
    expect(nextEventAt(s)).toBe(Date.parse('2026-01-05T09:02:00Z'));
    expect(nextEventAt(withEndpoint())).toBeUndefined();
  });
});

describe('concurrency', () => {
  it('never runs more than 300 mailboxes at once over all Outlook Anywhere endpoints', () => {
    // Two endpoints whose settings add up to more than the type-wide limit (a state the service would not accept).
    let s = withEndpoint(undefined, { MaxConcurrentMigrations: 150, MaxConcurrentIncrementalSyncs: 10 });
    s = withEndpoint(s, { MaxConcurrentMigrations: 150, MaxConcurrentIncrementalSyncs: 10 }, 'Second');
    s.endpoints.forEach((e) => (e.maxConcurrentMigrations = 250));
    s = start(withBatch(s, 'A', emails('a', 400)), 'A');
    s = ok(s, 'New-MigrationBatch', { Name: 'B', SourceEndpoint: 'Second', CSVData: csvOf(emails('b', 400)) });
    s = start(s, 'B');
    let peak = 0;
    for (let t = 0; t < 12 * 60 && readBatches(s).some((b) => b.status !== 'Synced'); t += 5) {
      s = advanceState(s, 5 * MINUTE);
      const active = readUsers(s).filter((u) => u.status === 'Provisioning' || u.status === 'Syncing').length;
      peak = Math.max(peak, active);
    }
    expect(peak).toBe(300);
    expect(readBatches(s).map((b) => [b.name, b.status, b.syncedCount])).toEqual([['A', 'Synced', 400], ['B', 'Synced', 400]]);
  });
});

describe('service limits', () => {
  it('refuses a staged batch while a cutover batch exists', () => {
    const s = withEndpoint();
    s.batches.push({ ...withBatch(withEndpoint(), 'X', ['z@contoso.com']).batches[0]!, name: 'Cutover', type: 'cutover' });
    refused(s, 'New-MigrationBatch', { Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com']) }, T.stagedCutoverCoexist);
    expect(T.stagedCutoverCoexist).toBe('You can only have cutover or staged batches existing at any given time. ');
  });
});
