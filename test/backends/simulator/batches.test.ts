import { describe, expect, it } from 'vitest';
import { readBatches, readUsers, SERVICE_TEXTS as T, type SimState } from '../../../src/backends/simulator/index.js';
import {
  advance, batchOf, csvBytes, csvOf, emails, invoke, ok, refused, userOf, withBatch, withEndpoint,
} from './helpers.js';

const newBatch = (s: SimState, params: Record<string, unknown>) => invoke(s, 'New-MigrationBatch', {
  Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com']), ...(params as object),
});

describe('New-MigrationBatch', () => {
  it('creates a Created batch whose users are pending until it starts', () => {
    const s = withBatch(withEndpoint(), 'Wave1', ['a@contoso.com', 'b@contoso.com'], { NotificationEmails: ['team@contoso.com'] });
    expect(batchOf(s, 'Wave1')).toMatchObject({
      status: 'Created', endpoint: 'StagedEndpoint', totalCount: 2, pendingCount: 2, activeCount: 0,
      notificationEmails: ['team@contoso.com'], creationDateTime: '2026-01-05T09:00:00Z', validationWarnings: [],
    });
    expect(batchOf(s, 'Wave1').startDateTime).toBeUndefined();
    expect(readUsers(s).map((u) => [u.email, u.batch, u.status])).toEqual([
      ['a@contoso.com', 'Wave1', 'Queued'],
      ['b@contoso.com', 'Wave1', 'Queued'],
    ]);
  });

  it('refuses names longer than 64 characters', () => {
    refused(withEndpoint(), 'New-MigrationBatch', { Name: 'x'.repeat(65), SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com']) },
      'The length of the property is too long. The maximum length is 64 and the length of the value provided is 65.');
    expect(newBatch(withEndpoint(), { Name: 'x'.repeat(64) }).result.ok).toBe(true);
  });

  it('refuses a duplicate name, case-insensitively', () => {
    refused(withBatch(withEndpoint(), 'Wave1', ['a@contoso.com']), 'New-MigrationBatch',
      { Name: 'WAVE1', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['b@contoso.com']) }, 'The migration batch WAVE1 already exists.');
  });

  it('refuses the 101st batch', () => {
    let s = withEndpoint();
    for (let i = 1; i <= 100; i++) s = withBatch(s, `B${i}`, [`u${i}@contoso.com`]);
    refused(s, 'New-MigrationBatch', { Name: 'B101', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['x@contoso.com']) },
      'The maximum number of migration batches is already running. Please remove a batch before you add another one.');
  });

  it('needs an existing source endpoint and CSV data', () => {
    const s = withEndpoint();
    refused(s, 'New-MigrationBatch', { Name: 'B1', CSVData: csvOf(['a@contoso.com']) }, T.sourceEndpointRequired);
    refused(s, 'New-MigrationBatch', { Name: 'B1', SourceEndpoint: 'Nope', CSVData: csvOf(['a@contoso.com']) },
      "The migration endpoint 'Nope' couldn't be found.");
    refused(s, 'New-MigrationBatch', { Name: 'B1', SourceEndpoint: 'StagedEndpoint' }, 'You must provide a CSV file for this migration type.');
  });

  it('fails on a structural CSV error and creates nothing', () => {
    refused(withEndpoint(), 'New-MigrationBatch', { Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvBytes('Mail\na@contoso.com\n') },
      T.csvMissingColumn('EmailAddress'));
  });

  it('honours -AllowUnknownColumnsInCsv', () => {
    const params = { Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvBytes('EmailAddress,Office\na@contoso.com,HQ\n') };
    refused(withEndpoint(), 'New-MigrationBatch', params, T.csvUnknownColumns(['Office']));
    expect(batchOf(ok(withEndpoint(), 'New-MigrationBatch', { ...params, AllowUnknownColumnsInCsv: true }), 'B1').totalCount).toBe(1);
  });

  it('makes a mailbox already in another batch a validation warning and does not add it', () => {
    const s1 = withBatch(withEndpoint(), 'Wave1', ['a@contoso.com']);
    const { state, result } = invoke(s1, 'New-MigrationBatch', {
      Name: 'Wave2', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['A@contoso.com', 'b@contoso.com']),
    });
    const text = 'The user "A@contoso.com" is already included in migration batch "Wave1."  Please remove the user from any other batch and try again.';
    expect(result).toEqual({ ok: true, warnings: [`Row:2, EmailAddress:A@contoso.com, Error:${text}`] });
    expect(batchOf(state, 'Wave2')).toMatchObject({ totalCount: 1, validationWarnings: [`Row:2, EmailAddress:A@contoso.com, Error:${text}`] });
    expect(userOf(state, 'a@contoso.com').batch).toBe('Wave1');
  });

  it('starts at once with -AutoStart', () => {
    const s = withBatch(withEndpoint(), 'B1', ['a@contoso.com'], { AutoStart: true });
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Starting', startDateTime: '2026-01-05T09:00:00Z', pendingCount: 0, activeCount: 1 });
  });

  it('does not auto-start a batch with validation warnings, and says so', () => {
    const s1 = withBatch(withEndpoint(), 'Wave1', ['a@contoso.com']);
    const { state, result } = invoke(s1, 'New-MigrationBatch', {
      Name: 'Wave2', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com', 'b@contoso.com']), AutoStart: true,
    });
    expect(result.ok && result.warnings.at(-1)).toBe(
      "The migration batch 'Wave2' has validation warnings and won't be started automatically. Check the warnings and then use the Start-MigrationBatch cmdlet to start the batch.",
    );
    expect(batchOf(state, 'Wave2').status).toBe('Created');
  });
});

describe('Set-MigrationBatch', () => {
  const synced = () => advance(withBatch(withEndpoint(), 'B1', ['a@contoso.com'], { AutoStart: true }), '1d');

  it('appends only the new rows and leaves them pending', () => {
    const s = ok(synced(), 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['a@contoso.com', 'b@contoso.com']) });
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', totalCount: 2, pendingCount: 1, syncedCount: 1, validationWarnings: [] });
    expect(userOf(s, 'b@contoso.com').status).toBe('Queued');
  });

  it('refuses appending while the batch is being processed', () => {
    const s = withBatch(withEndpoint(), 'B1', ['a@contoso.com'], { AutoStart: true });
    for (const state of [s, advance(s, '5m')]) {
      refused(state, 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['b@contoso.com']) },
        "The migration batch can't have users appended to it. It's currently being processed.");
    }
  });

  it('accepts appending in Created and Stopped', () => {
    const created = withBatch(withEndpoint(), 'B1', ['a@contoso.com']);
    expect(batchOf(ok(created, 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['b@contoso.com']) }), 'B1').totalCount).toBe(2);
    const stopped = advance(ok(advance(ok(created, 'Start-MigrationBatch', { Identity: 'B1' }), '3m'), 'Stop-MigrationBatch', { Identity: 'B1' }), '2m');
    expect(batchOf(stopped, 'B1').status).toBe('Stopped');
    ok(stopped, 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['b@contoso.com']) });
  });

  it('warns about appended users that are in another batch', () => {
    const s0 = withBatch(synced(), 'B2', ['x@contoso.com']);
    const { state, result } = invoke(s0, 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['x@contoso.com']) });
    expect(result).toEqual({ ok: true, warnings: [`Row:2, EmailAddress:x@contoso.com, Error:${T.userInOtherBatch('x@contoso.com', 'B2')}`] });
    expect(batchOf(state, 'B1').validationWarnings).toHaveLength(1);
  });

  it('needs CSV data with -AddUsers', () => {
    refused(synced(), 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true }, T.csvRequired);
  });

  it('replaces the notification addresses', () => {
    const s = ok(synced(), 'Set-MigrationBatch', { Identity: 'b1', NotificationEmails: 'one@contoso.com, two@contoso.com' });
    expect(batchOf(s, 'B1').notificationEmails).toEqual(['one@contoso.com', 'two@contoso.com']);
  });

  it('refuses an unknown batch', () => {
    refused(synced(), 'Set-MigrationBatch', { Identity: 'Nope', NotificationEmails: ['x@contoso.com'] }, 'The migration batch "Nope" can\'t be found.');
  });
});

describe('Complete-MigrationBatch', () => {
  it('is refused for staged batches', () => {
    refused(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'Complete-MigrationBatch', { Identity: 'B1' },
      'This cmdlet only supports the type of migration batch that uses the multiple-batch lifecycle and that support finalization.');
  });
});

describe('one mailbox, one batch', () => {
  it('lets a mailbox join another batch only after Remove-MigrationUser has finished', () => {
    let s = withBatch(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'B2', ['b@contoso.com']);
    s = ok(s, 'Remove-MigrationUser', { Identity: 'A@contoso.com' });
    const early = invoke(s, 'Set-MigrationBatch', { Identity: 'B2', AddUsers: true, CSVData: csvOf(['a@contoso.com']) });
    expect(early.result.ok && early.result.warnings).toHaveLength(1);
    s = ok(advance(s, '1m'), 'Set-MigrationBatch', { Identity: 'B2', AddUsers: true, CSVData: csvOf(['a@contoso.com']) });
    expect(userOf(s, 'a@contoso.com').batch).toBe('B2');
    expect(readBatches(s).map((b) => [b.name, b.totalCount])).toEqual([['B1', 0], ['B2', 2]]);
  });

  it('builds the user list from many batches without mixing them up', () => {
    const s = withBatch(withBatch(withEndpoint(), 'B1', emails('one', 3)), 'B2', emails('two', 2));
    expect(readBatches(s).map((b) => b.totalCount)).toEqual([3, 2]);
  });
});
