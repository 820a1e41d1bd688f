// StartAfter and the Waiting status (facts §3.6, §3.7, §4.1, §6.1 rule 2).
import { describe, expect, it } from 'vitest';
import { readUsers, SERVICE_TEXTS as T, type SimState } from '../../../src/backends/simulator/index.js';
import { advance, batchOf, csvOf, invoke, ok, refused, withBatch, withEndpoint } from './helpers.js';

const AT = '2026-01-06T09:00:00Z'; // one day after T0
const scheduled = (startAfter = '2026-01-06T10:00:00+01:00'): SimState =>
  withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com'], { StartAfter: startAfter });

describe('New-MigrationBatch -StartAfter', () => {
  it('shows Starting, then Waiting with no StartDateTime until StartAfter, then syncs to Synced', () => {
    let s = scheduled();
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Starting', startAfter: AT, pendingCount: 0 });
    expect(batchOf(s, 'B1').startDateTime).toBeUndefined();
    s = advance(s, '2m');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Waiting', startAfter: AT, activeCount: 2 });
    expect(batchOf(s, 'B1').startDateTime).toBeUndefined();
    expect(readUsers(s).map((u) => u.status)).toEqual(['Queued', 'Queued']);
    s = advance(s, '23h57m');
    expect(batchOf(s, 'B1').status).toBe('Waiting');
    s = advance(s, '1m');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Syncing', startDateTime: AT });
    expect(readUsers(s).map((u) => u.status)).toEqual(['Provisioning', 'Provisioning']);
    s = advance(s, '3h');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Synced', syncedCount: 2, startDateTime: AT });
  });

  it('takes a StartAfter without a zone as UTC', () => {
    expect(batchOf(scheduled('2026-01-06T09:00:00'), 'B1').startAfter).toBe(AT);
  });

  it('starts at once when StartAfter has passed', () => {
    const s = advance(scheduled('2026-01-01T00:00:00Z'), '2m');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Syncing', startDateTime: '2026-01-05T09:00:00Z' });
  });

  it('refuses StartAfter with AutoStart, and a value that is not a date', () => {
    const base = { Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com']) };
    refused(withEndpoint(), 'New-MigrationBatch', { ...base, StartAfter: AT, AutoStart: true }, T.startAfterWithAutoStart);
    refused(withEndpoint(), 'New-MigrationBatch', { ...base, StartAfter: 'next monday' },
      'Cannot process argument transformation on parameter \'StartAfter\'. Cannot convert value "next monday" to type "System.DateTime".');
  });

  it('does not schedule a batch with validation warnings, and says so', () => {
    const s0 = withBatch(withEndpoint(), 'B0', ['a@contoso.com']);
    const { state, result } = invoke(s0, 'New-MigrationBatch', {
      Name: 'B1', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com', 'c@contoso.com']), StartAfter: AT,
    });
    expect(result.ok && result.warnings.at(-1)).toBe(T.autoStartWarnings('B1'));
    expect(batchOf(state, 'B1').status).toBe('Created');
  });
});

describe('a Waiting batch', () => {
  const waiting = (): SimState => advance(scheduled(), '2m');

  it('refuses Start, Remove, Remove-MigrationUser and appending, as a running batch does', () => {
    refused(waiting(), 'Start-MigrationBatch', { Identity: 'B1' }, T.started);
    refused(waiting(), 'Remove-MigrationBatch', { Identity: 'B1' }, T.removeState);
    refused(waiting(), 'Remove-MigrationUser', { Identity: 'a@contoso.com' }, T.removeUser('a@contoso.com', 'B1'));
    refused(waiting(), 'Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['c@contoso.com']) }, T.appendSyncing);
  });

  it('can be stopped; started again, it waits for StartAfter again', () => {
    let s = advance(ok(waiting(), 'Stop-MigrationBatch', { Identity: 'B1' }), '1m');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Stopped', stoppedCount: 2 });
    s = advance(ok(s, 'Start-MigrationBatch', { Identity: 'B1' }), '2m');
    expect(batchOf(s, 'B1').status).toBe('Waiting');
  });
});

describe('Set-MigrationBatch -StartAfter', () => {
  it('schedules a Created batch; Start-MigrationBatch then waits for it', () => {
    let s = ok(withBatch(withEndpoint(), 'B1', ['a@contoso.com']), 'Set-MigrationBatch', { Identity: 'B1', StartAfter: AT });
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'Created', startAfter: AT });
    s = advance(ok(s, 'Start-MigrationBatch', { Identity: 'B1' }), '1h');
    expect(batchOf(s, 'B1').status).toBe('Waiting');
  });

  it('is refused unless the batch is Created or Failed, naming the status', () => {
    refused(advance(scheduled(), '2m'), 'Set-MigrationBatch', { Identity: 'B1', StartAfter: AT }, T.startAfterState('Waiting'));
    const synced = advance(withBatch(withEndpoint(), 'B1', ['a@contoso.com'], { AutoStart: true }), '1d');
    refused(synced, 'Set-MigrationBatch', { Identity: 'B1', StartAfter: AT }, T.startAfterState('Synced'));
    const failed = withBatch(withEndpoint(), 'B1', ['a@contoso.com']);
    failed.batches[0]!.status = 'Failed';
    expect(batchOf(ok(failed, 'Set-MigrationBatch', { Identity: 'B1', StartAfter: AT }), 'B1').startAfter).toBe(AT);
  });
});
