import { describe, expect, it } from 'vitest';
import { emptyState, readEndpoints, SERVICE_TEXTS as T, withFaults } from '../../../src/backends/simulator/index.js';
import { credential, ok, refused, T0, withBatch, withEndpoint } from './helpers.js';

const manual = {
  Name: 'Manual', ExchangeOutlookAnywhere: true, ExchangeServer: 'exch.contoso.com', RpcProxyServer: 'mail.contoso.com',
  Credentials: credential,
};

describe('New-MigrationEndpoint', () => {
  it('creates an Outlook Anywhere endpoint with the 20/10 defaults and Basic auth', () => {
    expect(readEndpoints(withEndpoint())).toEqual([
      {
        name: 'StagedEndpoint', type: 'ExchangeOutlookAnywhere', autodiscover: true, username: 'CONTOSO\\administrator',
        authentication: 'Basic', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10,
      },
    ]);
  });

  it('defaults the incremental syncs to the migrations when those are below 10', () => {
    expect(readEndpoints(withEndpoint(undefined, { MaxConcurrentMigrations: 4 }))[0]).toMatchObject({
      maxConcurrentMigrations: 4, maxConcurrentIncrementalSyncs: 4,
    });
  });

  it('never stores the password', () => {
    expect(JSON.stringify(withEndpoint())).not.toContain('P@ssw0rd-secret');
  });

  it('accepts NTLM in any case and stores Ntlm', () => {
    expect(readEndpoints(withEndpoint(undefined, { Authentication: 'NTLM' }))[0]!.authentication).toBe('Ntlm');
    expect(readEndpoints(withEndpoint(undefined, { Authentication: 'ntlm' }))[0]!.authentication).toBe('Ntlm');
  });

  it('refuses other authentication methods', () => {
    refused(emptyState(T0), 'New-MigrationEndpoint', { ...manual, EmailAddress: 'a@contoso.com', Authentication: 'Digest' },
      'The authentication method Digest is not supported by migration protocol ExchangeOutlookAnywhere. Valid values: Basic, Ntlm.');
  });

  it('refuses a duplicate name, case-insensitively', () => {
    refused(withEndpoint(), 'New-MigrationEndpoint', { ...manual, Name: 'STAGEDENDPOINT', EmailAddress: 'a@contoso.com' },
      "There's already an endpoint named 'STAGEDENDPOINT'.");
  });

  it('refuses more incremental syncs than concurrent migrations', () => {
    refused(emptyState(T0), 'New-MigrationEndpoint',
      { ...manual, EmailAddress: 'a@contoso.com', MaxConcurrentMigrations: 5, MaxConcurrentIncrementalSyncs: 6 },
      'The maximum number of incremental syncs, 6, must be less than the maximum number of concurrent migrations, which is currently set to (5).');
  });

  it('caps the sum of MaxConcurrentMigrations per endpoint type at 300', () => {
    const s = withEndpoint(undefined, { MaxConcurrentMigrations: 250 });
    refused(s, 'New-MigrationEndpoint', { ...manual, EmailAddress: 'a@contoso.com', MaxConcurrentMigrations: 51 },
      "This endpoint would make the maximum concurrent migrations '301', which would exceed the allowed limit of '300' for endpoints of type 'ExchangeOutlookAnywhere'.");
    ok(s, 'New-MigrationEndpoint', { ...manual, EmailAddress: 'a@contoso.com', MaxConcurrentMigrations: 50 });
  });

  it('needs a mailbox to verify manual settings, unless told to skip verification', () => {
    refused(emptyState(T0), 'New-MigrationEndpoint', manual, T.manualNeedsMailbox);
    ok(emptyState(T0), 'New-MigrationEndpoint', { ...manual, SkipVerification: true });
  });

  it('needs the mandatory parameters and refuses unknown ones', () => {
    refused(emptyState(T0), 'New-MigrationEndpoint', { Name: 'X', ExchangeOutlookAnywhere: true },
      'Cannot process command because of one or more missing mandatory parameters: Credentials.');
    refused(emptyState(T0), 'New-MigrationEndpoint', { ...manual, Colour: 'blue' },
      "A parameter cannot be found that matches parameter name 'Colour'.");
  });

  it('fails verification when the source is unreachable (fault), but not with -SkipVerification', () => {
    const s = withFaults(emptyState(T0), { endpointUnreachable: true });
    refused(s, 'New-MigrationEndpoint', { ...manual, EmailAddress: 'a@contoso.com' }, T.rpcConnectionFailure);
    ok(s, 'New-MigrationEndpoint', { ...manual, EmailAddress: 'a@contoso.com', SkipVerification: true });
  });
});

describe('Set-MigrationEndpoint', () => {
  it('changes concurrency and authentication', () => {
    const s = ok(withEndpoint(), 'Set-MigrationEndpoint', { Identity: 'stagedendpoint', MaxConcurrentMigrations: 40, Authentication: 'NTLM' });
    expect(readEndpoints(s)[0]).toMatchObject({ maxConcurrentMigrations: 40, maxConcurrentIncrementalSyncs: 10, authentication: 'Ntlm' });
  });

  it('checks incremental ≤ migrations against the stored values', () => {
    refused(withEndpoint(), 'Set-MigrationEndpoint', { Identity: 'StagedEndpoint', MaxConcurrentMigrations: 8 },
      T.incrementalTooHigh(10, 8));
  });

  it('does not count the endpoint itself twice in the per-type sum', () => {
    ok(withEndpoint(), 'Set-MigrationEndpoint', { Identity: 'StagedEndpoint', MaxConcurrentMigrations: 300 });
  });

  it('refuses an unknown endpoint and renaming', () => {
    refused(withEndpoint(), 'Set-MigrationEndpoint', { Identity: 'Nope' }, "The migration endpoint 'Nope' couldn't be found.");
    refused(withEndpoint(), 'Set-MigrationEndpoint', { Identity: 'StagedEndpoint', Name: 'Other' },
      "A parameter cannot be found that matches parameter name 'Name'.");
  });
});

describe('Remove-MigrationEndpoint', () => {
  it('removes an unused endpoint', () => {
    expect(readEndpoints(ok(withEndpoint(), 'Remove-MigrationEndpoint', { Identity: 'StagedEndpoint' }))).toEqual([]);
  });

  it('refuses while batches use it, listing them', () => {
    const s = withBatch(withBatch(withEndpoint(), 'Wave2', ['b@contoso.com']), 'Wave1', ['a@contoso.com']);
    refused(s, 'Remove-MigrationEndpoint', { Identity: 'StagedEndpoint' },
      "The endpoint 'StagedEndpoint' cannot be removed because it is associated with one or more batches: Wave1, Wave2.");
  });
});
