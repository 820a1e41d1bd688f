import { describe, expect, it } from 'vitest';
import {
  advanceState, readBatches, readUsers, timing, withFaults, type SimState,
} from '../../../src/backends/simulator/index.js';
import { mailboxProfile } from '../../../src/backends/simulator/timing.js';
import { advance, batchOf, emails, ok, userOf, withBatch, withEndpoint } from './helpers.js';

const MINUTE = 60_000;
const start = (s: SimState, name: string): SimState => ok(s, 'Start-MigrationBatch', { Identity: name });

/** Per endpoint: users Provisioning or Syncing right now. */
function activeByEndpoint(s: SimState): Map<string, number> {
  const endpointOf = new Map(readBatches(s).map((b) => [b.name, b.endpoint!]));
  const out = new Map<string, number>();
  for (const u of readUsers(s)) {
    if (u.status === 'Provisioning' || u.status === 'Syncing') {
      const e = endpointOf.get(u.batch)!;
      out.set(e, (out.get(e) ?? 0) + 1);
    }
  }
  return out;
}

describe('simulated clock', () => {
  it('only moves when advanced', () => {
    const s = start(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'B1');
    expect(s.now).toBe('2026-01-05T09:00:00Z');
    expect(advance(s, '1h30m').now).toBe('2026-01-05T10:30:00Z');
  });

  it('takes a batch through Starting → Syncing → Synced and fills in the dates', () => {
    let s = start(withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com']), 'B1');
    expect(batchOf(s, 'B1').status).toBe('Starting');
    s = advance(s, '2m');
    expect(batchOf(s, 'B1').status).toBe('Syncing');
    expect(readUsers(s).map((u) => u.status)).toEqual(['Provisioning', 'Provisioning']);
    s = advance(s, '3h');
    const b = batchOf(s, 'B1');
    expect(b).toMatchObject({ status: 'Synced', syncedCount: 2, activeCount: 0, provisionedCount: 2, startDateTime: '2026-01-05T09:00:00Z' });
    const lastDone = Math.max(...['a@contoso.com', 'b@contoso.com'].map((e) => {
      const p = mailboxProfile(e);
      return Date.parse('2026-01-05T09:02:00Z') + p.provisioningMs + p.syncMs;
    }));
    expect(b.initialSyncDateTime).toBe(new Date(lastDone).toISOString().replace('.000', ''));
    expect(b.lastSyncedDateTime).toBe(b.initialSyncDateTime);
    expect(userOf(s, 'a@contoso.com')).toMatchObject({ status: 'Synced', syncedItemCount: mailboxProfile('a@contoso.com').items });
  });

  it('gives each mailbox a deterministic duration within the documented ranges', () => {
    for (const e of emails('u', 50)) {
      const p = mailboxProfile(e);
      expect(p).toEqual(mailboxProfile(e.toUpperCase()));
      expect(p.provisioningMs).toBeGreaterThanOrEqual(timing.PROVISIONING_MIN_MS);
      expect(p.provisioningMs).toBeLessThanOrEqual(timing.PROVISIONING_MAX_MS);
      expect(p.syncMs).toBeGreaterThanOrEqual(timing.SYNC_MIN_MS);
      expect(p.syncMs).toBeLessThanOrEqual(timing.SYNC_MAX_MS);
    }
  });

  it('keeps at most MaxConcurrentMigrations users active per endpoint, the rest Queued', () => {
    let s = withEndpoint(undefined, { MaxConcurrentMigrations: 3, MaxConcurrentIncrementalSyncs: 3 });
    s = withEndpoint(s, { MaxConcurrentMigrations: 2, MaxConcurrentIncrementalSyncs: 2 }, 'Second');
    s = withBatch(s, 'A1', emails('a', 8));
    s = withBatch(s, 'A2', emails('b', 8));
    s = ok(s, 'New-MigrationBatch', { Name: 'C1', SourceEndpoint: 'Second', CSVData: { bytes: Buffer.from(`EmailAddress\n${emails('c', 6).join('\n')}\n`).toString('base64') } });
    for (const b of ['A1', 'A2', 'C1']) s = start(s, b);
    const peak = new Map<string, number>();
    for (let t = 0; t < 24 * 60 && readBatches(s).some((b) => b.status !== 'Synced'); t++) {
      s = advanceState(s, MINUTE);
      for (const [e, n] of activeByEndpoint(s)) peak.set(e, Math.max(peak.get(e) ?? 0, n));
      const queued = readUsers(s).filter((u) => u.status === 'Queued').length;
      if (t === 10) expect(queued).toBeGreaterThan(0);
    }
    expect(peak.get('StagedEndpoint')).toBe(3);
    expect(peak.get('Second')).toBe(2);
    expect(readBatches(s).map((b) => [b.name, b.status, b.syncedCount])).toEqual([['A1', 'Synced', 8], ['A2', 'Synced', 8], ['C1', 'Synced', 6]]);
  });

  it('gives the same result in one jump as in many small steps', () => {
    let s = withBatch(withEndpoint(undefined, { MaxConcurrentMigrations: 4, MaxConcurrentIncrementalSyncs: 4 }), 'B1', emails('u', 30));
    s = start(s, 'B1');
    let stepped = s;
    for (let i = 0; i < 48 * 4; i++) stepped = advanceState(stepped, 15 * MINUTE);
    expect(advance(s, '2d')).toEqual(stepped);
  });

  it('ends SyncedWithErrors when a mailbox fails, with its ErrorSummary', () => {
    const summary = 'MigrationRecipientNotFoundException: A recipient wasn\'t found for "b@contoso.com" on the target.';
    let s = withFaults(withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com']), { failMailboxes: { 'B@contoso.com': summary } });
    s = advance(start(s, 'B1'), '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'SyncedWithErrors', failedCount: 1, syncedCount: 1 });
    expect(userOf(s, 'b@contoso.com')).toMatchObject({ status: 'Failed', errorSummary: summary });
  });

  it('retries failed users when a SyncedWithErrors batch is started again', () => {
    let s = withFaults(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), { failMailboxes: { 'a@contoso.com': 'X: boom' } });
    s = advance(start(s, 'B1'), '1d');
    s = start(withFaults(s, { failMailboxes: {} }), 'B1');
    expect(userOf(s, 'a@contoso.com').status).toBe('Queued');
    expect(userOf(s, 'a@contoso.com').errorSummary).toBeUndefined();
    s = advance(s, '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', failedCount: 0, syncedCount: 1 });
  });

  it('stops active and queued users, and resumes them on Start', () => {
    let s = withBatch(withEndpoint(undefined, { MaxConcurrentMigrations: 1, MaxConcurrentIncrementalSyncs: 1 }), 'B1', emails('u', 3));
    s = ok(advance(start(s, 'B1'), '5m'), 'Stop-MigrationBatch', { Identity: 'B1' });
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Stopping', activeCount: 3 });
    s = advance(s, '1m');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Stopped', stoppedCount: 3, activeCount: 0 });
    expect(advance(s, '1d').users.map((u) => u.status)).toEqual(['Stopped', 'Stopped', 'Stopped']);
    s = advance(start(s, 'B1'), '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', syncedCount: 3 });
  });

  it('keeps appended users pending until the batch is started again', () => {
    let s = advance(start(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'B1'), '1d');
    s = ok(s, 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: { bytes: Buffer.from('EmailAddress\nb@contoso.com\n').toString('base64') } });
    s = advance(s, '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', pendingCount: 1, syncedCount: 1 });
    s = advance(start(s, 'B1'), '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', pendingCount: 0, syncedCount: 2 });
    expect(batchOf(s, 'B1').initialSyncDateTime).not.toBe(batchOf(s, 'B1').lastSyncedDateTime);
  });

  it('removes a batch and its users after Removing', () => {
    let s = ok(advance(start(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'B1'), '1d'), 'Remove-MigrationBatch', { Identity: 'B1' });
    expect(batchOf(s, 'B1').status).toBe('Removing');
    expect(userOf(s, 'a@contoso.com').status).toBe('Removing');
    s = advance(s, '2m');
    expect(readBatches(s)).toHaveLength(1);
    s = advance(s, '1m');
    expect(readBatches(s)).toEqual([]);
    expect(readUsers(s)).toEqual([]);
    ok(s, 'Remove-MigrationEndpoint', { Identity: 'StagedEndpoint' });
  });

  it('shows a removed user as Removing for a minute, then drops it', () => {
    let s = ok(withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com']), 'Remove-MigrationUser', { Identity: 'a@contoso.com' });
    expect(batchOf(s, 'B1')).toMatchObject({ totalCount: 2, pendingCount: 1 });
    expect(userOf(s, 'a@contoso.com').status).toBe('Removing');
    s = advance(s, '59s');
    expect(readUsers(s)).toHaveLength(2);
    s = advance(s, '1s');
    expect(readUsers(s).map((u) => u.email)).toEqual(['b@contoso.com']);
  });

  it('applies the retention rules: Synced idle 60 days → Stopped, then removed 90 days later', () => {
    let s = advance(start(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'B1'), '1d');
    s = advance(s, '59d');
    expect(batchOf(s, 'B1').status).toBe('Synced');
    s = advance(s, '1d');
    expect(batchOf(s, 'B1').status).toBe('Stopped');
    s = advance(s, '89d');
    expect(readBatches(s)).toHaveLength(1);
    s = advance(s, '1d');
    expect(readBatches(s)).toEqual([]);
  });

  it('advances 48 hours over 6,000 mailboxes', () => {
    let s = withEndpoint(undefined, { MaxConcurrentMigrations: 300, MaxConcurrentIncrementalSyncs: 10 });
    for (const b of ['W1', 'W2', 'W3']) s = start(withBatch(s, b, emails(`${b}-`, 2000)), b);
    s = advance(s, '48h'); // how long it takes is not asserted here: timing belongs to npm run bench
    expect(readBatches(s).map((b) => b.status)).toEqual(['Synced', 'Synced', 'Synced']);
  });
});
