// Injected faults: failing mailboxes (facts §8.7), endpoint verification (§8.6), Corrupted batches.
import { describe, expect, it } from 'vitest';
import {
  emptyState, FAILURE_KINDS, readUsers, SERVICE_TEXTS as T, withFaults, type SimState,
} from '../../../src/backends/simulator/index.js';
import { mailboxProfile } from '../../../src/backends/simulator/timing.js';
import { advance, batchOf, credential, ok, refused, T0, userOf, withBatch, withEndpoint } from './helpers.js';

const start = (s: SimState): SimState => ok(s, 'Start-MigrationBatch', { Identity: 'B1' });
const two = (): SimState => withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com']);

describe('failing mailboxes', () => {
  it('fails during the initial sync part-way, with the items copied so far', () => {
    const summary = FAILURE_KINDS.remoteServerDelays!.summary('b@contoso.com');
    const s = advance(start(withFaults(two(), { failMailboxes: { 'b@contoso.com': { errorSummary: summary, at: 'sync' } } })), '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'SyncedWithErrors', failedCount: 1, syncedCount: 1, provisionedCount: 2 });
    const b = userOf(s, 'b@contoso.com');
    expect(b).toMatchObject({ status: 'Failed', errorSummary: 'MigrationTransientException: Data migration for this mailbox failed because of delays on the remote server.' });
    expect(b.syncedItemCount).toBe(Math.floor(mailboxProfile('b@contoso.com').items * 0.4));
  });

  it('fails only the first `times` attempts: Start-MigrationBatch retries and the mailbox then syncs', () => {
    const fault = { errorSummary: FAILURE_KINDS.recipientNotFound!.summary('b@contoso.com'), times: 1 };
    let s = advance(start(withFaults(two(), { failMailboxes: { 'b@contoso.com': fault } })), '1d');
    expect(userOf(s, 'b@contoso.com')).toMatchObject({
      status: 'Failed',
      errorSummary: 'MigrationRecipientNotFoundException: A recipient wasn\'t found for "b@contoso.com" on the target. Create a recipient of the appropriate type for this migration on the target and try again.',
    });
    s = advance(start(s), '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', failedCount: 0, syncedCount: 2 });
  });

  it('keeps failing on every retry without `times`', () => {
    let s = withFaults(two(), { failMailboxes: { 'b@contoso.com': FAILURE_KINDS.invalidPassword!.summary('b@contoso.com') } });
    for (let i = 0; i < 3; i++) s = advance(start(s), '1d');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'SyncedWithErrors', failedCount: 1 });
    expect(userOf(s, 'b@contoso.com').errorSummary).toBe('MigrationPermanentException: An invalid password was specified.');
  });

  it('offers each documented failure text', () => {
    expect(Object.keys(FAILURE_KINDS)).toEqual([
      'recipientNotFound', 'invalidPassword', 'objectTypeConflict', 'targetAddressNotSet', 'remoteServerDelays', 'tooManyItems', 'unknownError',
    ]);
    expect(FAILURE_KINDS.tooManyItems!.summary('x')).toMatch(/too many items\. $/);
  });
});

describe('endpoint verification faults', () => {
  const params = { Name: 'E', ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'administrator@contoso.com', Credentials: credential };

  it('refuses with the wrong-credentials text', () => {
    const s = withFaults(emptyState(T0), { endpointFailure: 'credentials' });
    refused(s, 'New-MigrationEndpoint', params, T.credentialFailure);
    refused(withFaults(withEndpoint(), { endpointFailure: 'credentials' }), 'Set-MigrationEndpoint', { Identity: 'StagedEndpoint', Credentials: credential }, T.credentialFailure);
    ok(s, 'New-MigrationEndpoint', { ...params, SkipVerification: true });
  });

  it('refuses an Autodiscover endpoint when Autodiscover fails, but not a manual one', () => {
    const s = withFaults(emptyState(T0), { endpointFailure: 'autodiscover' });
    refused(s, 'New-MigrationEndpoint', params, T.autodiscoverFailure);
    ok(s, 'New-MigrationEndpoint', {
      Name: 'M', ExchangeOutlookAnywhere: true, ExchangeServer: 'exch.contoso.com', RpcProxyServer: 'mail.contoso.com', EmailAddress: 'a@contoso.com', Credentials: credential,
    });
  });
});

describe('a batch that turns Corrupted', () => {
  it('turns Corrupted the given time after it starts syncing; only Remove works then', () => {
    let s = start(withFaults(two(), { corruptBatches: { b1: 5 * 60_000 } }));
    s = advance(s, '6m');
    expect(batchOf(s, 'B1').status).toBe('Syncing');
    s = advance(s, '1m');
    expect(batchOf(s, 'B1').status).toBe('Corrupted');
    expect(readUsers(s).map((u) => u.status)).toEqual(['Corrupted', 'Corrupted']);
    expect(s.faults.corruptBatches).toEqual({});
    expect(advance(s, '1d').batches[0]!.status).toBe('Corrupted');
    refused(s, 'Start-MigrationBatch', { Identity: 'B1' }, T.corruptStart);
    s = advance(ok(s, 'Remove-MigrationBatch', { Identity: 'B1' }), '3m');
    expect(s.batches).toEqual([]);
  });

  it('frees the endpoint slots its mailboxes held', () => {
    let s = withBatch(withEndpoint(undefined, { MaxConcurrentMigrations: 1, MaxConcurrentIncrementalSyncs: 1 }), 'B1', ['a@contoso.com']);
    s = withBatch(s, 'B2', ['z@contoso.com']);
    s = ok(start(withFaults(s, { corruptBatches: { b1: 60_000 } })), 'Start-MigrationBatch', { Identity: 'B2' });
    s = advance(s, '1d');
    expect([batchOf(s, 'B1').status, batchOf(s, 'B2').status]).toEqual(['Corrupted', 'Synced']);
  });
});
