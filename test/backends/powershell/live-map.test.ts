import { describe, expect, it } from 'vitest';
import { LiveShapeError, mapBatches, mapEndpoints, mapUsers } from '../../../src/backends/powershell/live-map.js';

// What bridge.ps1's normalisation emits (see powershell/bridge/normalize.ps1).
const endpoint = {
  name: 'StagedEndpoint', type: 'ExchangeOutlookAnywhere', autodiscover: true, exchangeServer: null, rpcProxyServer: null,
  username: 'CONTOSO\\administrator', authentication: 'Basic', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 'Unlimited',
};
const batch = {
  name: 'Wave 1', status: 'SyncedWithErrors', endpoint: 'StagedEndpoint', notificationEmails: ['team@contoso.com'],
  totalCount: 3, activeCount: 0, syncedCount: 2, failedCount: 1, stoppedCount: 0, pendingCount: 0, provisionedCount: 3,
  creationDateTime: '2026-11-25T12:00:00Z', startDateTime: '2026-11-25T12:01:00.250Z', initialSyncDateTime: null,
  lastSyncedDateTime: null, startAfter: null, dataConsistencyScore: 'Perfect',
  validationWarnings: ['Row:3, EmailAddress:x@contoso.com, Error:The user "x@contoso.com" is listed in this CSV file more than once.'],
};
const user = {
  email: 'annb@contoso.com', batch: 'Wave 1', status: 'Failed', syncedItemCount: 120, skippedItemCount: 0,
  lastSuccessfulSyncTime: null, errorSummary: 'MigrationRecipientNotFoundException: A recipient wasn\'t found',
};

describe('bridge results → LiveState', () => {
  it('maps endpoints: Unlimited is Infinity, nulls are absent', () => {
    expect(mapEndpoints([endpoint])).toEqual([{
      name: 'StagedEndpoint', type: 'ExchangeOutlookAnywhere', autodiscover: true, username: 'CONTOSO\\administrator',
      authentication: 'Basic', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: Infinity,
    }]);
  });

  it('maps batches with their dates, counts and warnings', () => {
    const [b] = mapBatches([batch]);
    expect(b).toEqual({
      name: 'Wave 1', status: 'SyncedWithErrors', endpoint: 'StagedEndpoint', notificationEmails: ['team@contoso.com'],
      totalCount: 3, activeCount: 0, syncedCount: 2, failedCount: 1, stoppedCount: 0, pendingCount: 0, provisionedCount: 3,
      creationDateTime: '2026-11-25T12:00:00Z', startDateTime: '2026-11-25T12:01:00.250Z', dataConsistencyScore: 'Perfect',
      validationWarnings: [batch.validationWarnings[0]],
    });
    expect(Object.keys(b!)).not.toContain('initialSyncDateTime');
  });

  it('maps users', () => {
    expect(mapUsers([user])).toEqual([{
      email: 'annb@contoso.com', batch: 'Wave 1', status: 'Failed', syncedItemCount: 120, skippedItemCount: 0,
      errorSummary: user.errorSummary,
    }]);
  });

  it('sorts by name case-insensitively, as the simulator does', () => {
    const names = mapBatches([{ ...batch, name: 'b' }, { ...batch, name: 'A' }, { ...batch, name: 'Zürich' }]).map((b) => b.name);
    expect(names).toEqual(['A', 'b', 'Zürich']);
    expect(mapUsers([{ ...user, email: 'Z@x.com' }, { ...user, email: 'a@x.com' }]).map((u) => u.email)).toEqual(['a@x.com', 'Z@x.com']);
  });

  it('treats empty results as empty lists', () => {
    expect(mapEndpoints([])).toEqual([]);
    expect(mapBatches([])).toEqual([]);
    expect(mapUsers([])).toEqual([]);
  });

  it.each([
    ['a result that is not a list', () => mapBatches(null)],
    ['an unknown batch status', () => mapBatches([{ ...batch, status: 'Synced with errors' }])],
    ['an unknown user status', () => mapUsers([{ ...user, status: 3 }])],
    ['a batch without a name', () => mapBatches([{ ...batch, name: '' }])],
    ['a negative count', () => mapBatches([{ ...batch, totalCount: -1 }])],
    ['a count that is text', () => mapUsers([{ ...user, syncedItemCount: '1,024' }])],
    ['an Unlimited value that is neither', () => mapEndpoints([{ ...endpoint, maxConcurrentMigrations: '20 (default)' }])],
    ['autodiscover that is not a boolean', () => mapEndpoints([{ ...endpoint, autodiscover: 'True' }])],
    ['warnings that are objects', () => mapBatches([{ ...batch, validationWarnings: [{ RowIndex: 1 }] }])],
  ])('refuses %s (a read error, never "absent")', (_what, read) => {
    expect(read).toThrow(LiveShapeError);
  });
});
