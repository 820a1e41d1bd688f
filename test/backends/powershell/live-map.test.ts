import { describe, expect, it } from 'vitest';
import { LiveShapeError, mapBatches as mapBatchesInto, mapEndpoints, mapLive, mapUsers as mapUsersInto } from '../../../src/backends/powershell/live-map.js';
import { addressValue, enumValue, splitUserIdentity, unlimitedValue } from '../../../src/backends/powershell/live-values.js';
import { BATCH_STATUSES, type UnknownLiveObject } from '../../../src/model/index.js';

/** Maps and insists nothing came out unknown (the unknown-status cases are below). */
function known<T>(f: (raw: unknown, unknown: UnknownLiveObject[]) => T): (raw: unknown) => T {
  return (raw) => {
    const unknown: UnknownLiveObject[] = [];
    const out = f(raw, unknown);
    expect(unknown).toEqual([]);
    return out;
  };
}
const mapBatches = known(mapBatchesInto);
const mapUsers = known(mapUsersInto);

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
    ['a batch without a status', () => mapBatches([{ ...batch, status: null }])],
    ['a user without a status', () => mapUsers([{ ...user, status: '' }])],
    ['a user without an address', () => mapUsers([{ ...user, email: null }])],
    ['an address that is an object of no known shape', () => mapUsers([{ ...user, email: { Display: 'Ann' } }])],
    ['notification addresses of no known shape', () => mapBatches([{ ...batch, notificationEmails: [42] }])],
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

describe('every serialized shape of a value (facts §9.1)', () => {
  it('reads enums as a name, a number (facts §5 value order) or a {value, Value} wrapper', () => {
    expect(enumValue('Synced', BATCH_STATUSES)).toEqual({ name: 'Synced' });
    expect(enumValue('syncedWithErrors', BATCH_STATUSES)).toEqual({ name: 'SyncedWithErrors' });
    expect(enumValue(11, BATCH_STATUSES)).toEqual({ name: 'SyncedWithErrors' });
    expect(enumValue('7', BATCH_STATUSES)).toEqual({ name: 'Synced' });
    expect(enumValue({ value: 7, Value: 'Synced' }, BATCH_STATUSES)).toEqual({ name: 'Synced' });
    expect(enumValue({ Value: 14 }, BATCH_STATUSES)).toEqual({ name: 'Starting' });
    expect(enumValue('Paused', BATCH_STATUSES)).toEqual({ text: 'Paused' });
    expect(enumValue(99, BATCH_STATUSES)).toEqual({ text: '99' });
    expect(enumValue(null, BATCH_STATUSES)).toBeUndefined();
    expect(enumValue({ Other: 1 }, BATCH_STATUSES)).toBeUndefined();
  });

  it('reads Unlimited as a number, "Unlimited" or an {IsUnlimited, Value} object', () => {
    expect(unlimitedValue(20)).toBe(20);
    expect(unlimitedValue('20')).toBe(20);
    expect(unlimitedValue('Unlimited')).toBe(Infinity);
    expect(unlimitedValue({ IsUnlimited: true, Value: null })).toBe(Infinity);
    expect(unlimitedValue({ IsUnlimited: false, Value: 300 })).toBe(300);
    expect(unlimitedValue({ isUnlimited: false, value: '12' })).toBe(12);
    expect(unlimitedValue('20 (default)')).toBeUndefined();
    expect(unlimitedValue(-1)).toBeUndefined();
  });

  it('reads addresses as text, SmtpAddress objects, proxy address objects or their ToString form', () => {
    expect(addressValue('ann@contoso.com')).toBe('ann@contoso.com');
    expect(addressValue('smtp:ann@contoso.com')).toBe('ann@contoso.com');
    expect(addressValue({ Address: 'ann@contoso.com', Local: 'ann', Domain: 'contoso.com', IsValidAddress: true })).toBe('ann@contoso.com');
    expect(addressValue({ AddressString: 'ann@contoso.com', Prefix: 'SMTP', IsPrimaryAddress: true })).toBe('ann@contoso.com');
    expect(addressValue({ ProxyAddressString: 'SMTP:ann@contoso.com' })).toBe('ann@contoso.com');
    expect(addressValue({ ToString: 'ann@contoso.com' })).toBe('ann@contoso.com');
    expect(addressValue({ Local: 'ann', Domain: 'contoso.com' })).toBe('ann@contoso.com');
    expect(addressValue({ Length: 15 })).toBeUndefined();
  });

  it('splits a user identity address/MailboxGuid', () => {
    expect(splitUserIdentity('ann@contoso.com/0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f')).toEqual({ address: 'ann@contoso.com', guid: '0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f' });
    expect(splitUserIdentity('ann@contoso.com')).toEqual({ address: 'ann@contoso.com' });
  });

  it('maps endpoints, batches and users whatever the shape of their limits, enums and addresses', () => {
    const [e] = mapEndpoints([{ ...endpoint, type: 4, authentication: { value: 2, Value: 'Ntlm' }, maxConcurrentMigrations: { IsUnlimited: false, Value: 20 }, maxConcurrentIncrementalSyncs: { IsUnlimited: true } }]);
    expect(e).toMatchObject({ type: 'ExchangeOutlookAnywhere', authentication: 'Ntlm', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: Infinity });
    const [b] = mapBatches([{ ...batch, status: { value: 11, Value: 'SyncedWithErrors' }, notificationEmails: [{ Address: 'team@contoso.com' }, 'smtp:ops@contoso.com'] }]);
    expect(b).toMatchObject({ status: 'SyncedWithErrors', notificationEmails: ['team@contoso.com', 'ops@contoso.com'] });
    const [u] = mapUsers([{ ...user, status: 3, email: { Address: 'annb@contoso.com' } }]);
    expect(u).toMatchObject({ email: 'annb@contoso.com', status: 'Synced' });
  });

  it('keeps the identity of a record whose address has several (address/MailboxGuid)', () => {
    const guid = '0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f';
    const users = mapUsers([
      { ...user, email: null, identity: `annb@contoso.com/${guid}`, batch: 'Wave 2', status: 'Failed' },
      { ...user, email: 'annb@contoso.com', identity: null, status: 'Synced' },
    ]);
    expect(users.map((u) => [u.email, u.batch, u.identity])).toEqual([['annb@contoso.com', 'Wave 2', `annb@contoso.com/${guid}`], ['annb@contoso.com', 'Wave 1', undefined]]);
    expect(mapUsers([{ ...user, email: `annb@contoso.com/${guid}` }])[0]).toMatchObject({ email: 'annb@contoso.com', identity: `annb@contoso.com/${guid}` });
  });
});

describe('an unknown status makes that one resource unknown', () => {
  it('leaves the batch or user out of the live lists and reports it; the others map as usual', () => {
    const live = mapLive(
      [endpoint],
      [{ ...batch, name: 'Odd', status: 'Paused' }, batch, { ...batch, name: 'Numbered', status: 42 }],
      [user, { ...user, email: 'x@contoso.com', status: { Value: 'Hibernating' } }],
    );
    expect(live.batches.map((b) => b.name)).toEqual(['Wave 1']);
    expect(live.users.map((u) => u.email)).toEqual(['annb@contoso.com']);
    expect(live.unknown).toEqual([
      { kind: 'batch', name: 'Numbered', status: '42' },
      { kind: 'batch', name: 'Odd', status: 'Paused' },
      { kind: 'user', name: 'x@contoso.com', batch: 'Wave 1', status: 'Hibernating' },
    ]);
  });

  it('reports none when every status is known', () => {
    expect(mapLive([endpoint], [batch], [user]).unknown).toBeUndefined();
  });
});
