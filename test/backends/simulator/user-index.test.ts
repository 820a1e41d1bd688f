// New-MigrationBatch looks rows up in an index of the users kept between cmdlets (apply of 100 batches
// was quadratic): it answers as a scan of every user would, and is rebuilt when the users change otherwise.
import { describe, expect, it } from 'vitest';
import { emptyState, invokeCmdlet, readBatches, SERVICE_TEXTS as T, type SimState } from '../../../src/backends/simulator/index.js';
import { userIndex } from '../../../src/backends/simulator/user-index.js';
import { advance, csvOf, ok, T0, withEndpoint } from './helpers.js';

const newBatch = (s: SimState, name: string, emails: string[]): SimState => {
  const { state, result } = invokeCmdlet(s, { cmdlet: 'New-MigrationBatch', parameters: { Name: name, SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(emails) } }, { inPlace: true });
  expect(result).toMatchObject({ ok: true });
  return state;
};
const warningsOf = (s: SimState, name: string): string[] => readBatches(s).find((b) => b.name === name)!.validationWarnings;

describe('the users index of the write cmdlets', () => {
  it('is kept, not rebuilt, from one New-MigrationBatch to the next, and holds every user added', () => {
    let s = withEndpoint(emptyState(T0));
    s = newBatch(s, 'B1', ['a@contoso.com', 'b@contoso.com']);
    const index = userIndex(s);
    s = newBatch(s, 'B2', ['c@contoso.com']);
    expect(userIndex(s)).toBe(index);
    expect([...index.byLower.keys()]).toEqual(['a@contoso.com', 'b@contoso.com', 'c@contoso.com']);
    // A row already in another batch (any case) is refused as before.
    s = newBatch(s, 'B3', ['A@Contoso.com', 'd@contoso.com']);
    expect(warningsOf(s, 'B3')).toEqual([`Row:2, EmailAddress:A@Contoso.com, Error:${T.userInOtherBatch('A@Contoso.com', 'B1')}`]);
    expect(s.users.map((u) => u.email)).toEqual(['a@contoso.com', 'b@contoso.com', 'c@contoso.com', 'd@contoso.com']);
  });

  it('is rebuilt once users are removed, so a removed address can be added again', () => {
    let s = withEndpoint(emptyState(T0));
    s = newBatch(s, 'B1', ['a@contoso.com', 'b@contoso.com']);
    const before = userIndex(s);
    s = advance(ok(s, 'Remove-MigrationUser', { Identity: 'a@contoso.com' }), '1h');
    expect(s.users.map((u) => u.email)).toEqual(['b@contoso.com']);
    expect(userIndex(s)).not.toBe(before);
    s = newBatch(s, 'B2', ['a@contoso.com']);
    expect(warningsOf(s, 'B2')).toEqual([]);
  });

  it('sees a mailbox provisioned under another spelling of the same address (emailKey), as the directory does', () => {
    let s = withEndpoint(emptyState(T0));
    s = newBatch(s, 'B1', ['jürgen@bücher.example']);
    s = advance(ok(s, 'Start-MigrationBatch', { Identity: 'B1' }), '1d');
    expect(s.users[0]!.provisioned).toBe(true);
    s = newBatch(s, 'B2', ['jürgen@xn--bcher-kva.example']);
    expect(warningsOf(s, 'B2')).toEqual([`Row:2, EmailAddress:jürgen@xn--bcher-kva.example, Error:${T.alreadyMigrated('jürgen@xn--bcher-kva.example')}`]);
  });
});
