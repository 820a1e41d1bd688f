import { describe, expect, it } from 'vitest';
import { advanceInPlace } from '../../../src/backends/simulator/clock.js';
import { emptyState, type SimState } from '../../../src/backends/simulator/state.js';
import { readUsers } from '../../../src/backends/simulator/live.js';

function syncedBatch(status: 'Synced' | 'Stopped'): SimState {
  const s = emptyState(new Date('2026-12-01T00:00:00Z'));
  s.endpoints.push({ name: 'E', guid: 'g', type: 'ExchangeOutlookAnywhere', autodiscover: true, username: 'u', passwordSet: true,
    authentication: 'Basic', acceptUntrustedCertificates: false, maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10 });
  s.batches.push({ name: 'W', guid: 'b', endpoint: 'E', status, notificationEmails: [], allowUnknownColumnsInCsv: false,
    creationDateTime: '2026-11-30T00:00:00Z', lastActivityAt: '2026-12-01T00:00:00Z', validationWarnings: [] });
  s.users.push({ email: 'a@x.com', batch: 'W', status: 'Synced', pending: false, provisioned: true, hasPassword: false, queueSeq: 1,
    syncedItemCount: 10, skippedItemCount: 0, lastSuccessfulSyncTime: '2026-11-30T10:00:00Z' });
  return s;
}

describe('simulator: daily syncs of Synced mailboxes (per-mailbox last sync times)', () => {
  it('moves a Synced mailbox\'s LastSuccessfulSyncTime on once a day while its batch is Synced', () => {
    const s = syncedBatch('Synced');
    advanceInPlace(s, 3_600_000);
    expect(readUsers(s)[0]!.lastSuccessfulSyncTime).toBe('2026-11-30T10:00:00Z');
    advanceInPlace(s, 2 * 86_400_000);
    expect(readUsers(s)[0]!.lastSuccessfulSyncTime).toBe('2026-12-02T10:00:00Z');
  });

  it('leaves it alone in a batch that is not Synced', () => {
    const s = syncedBatch('Stopped');
    advanceInPlace(s, 5 * 86_400_000);
    expect(readUsers(s)[0]!.lastSuccessfulSyncTime).toBe('2026-11-30T10:00:00Z');
  });
});
