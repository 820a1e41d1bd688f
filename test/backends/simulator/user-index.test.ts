// New-MigrationBatch looks rows up in an index of the users kept between cmdlets (apply of 100 batches
// was quadratic), and Remove-MigrationUser (findUser) and the batch cmdlets (usersOf) find users there
// too (issue 13): it answers as a scan of every user would, and is rebuilt when the users change otherwise.
import { describe, expect, it } from 'vitest';
import { emptyState, invokeCmdlet, readBatches, SERVICE_TEXTS as T, type SimState } from '../../../src/backends/simulator/index.js';
import { findUser, usersOf } from '../../../src/backends/simulator/lookup.js';
import { userIndex } from '../../../src/backends/simulator/user-index.js';
import { advance, csvOf, ok, T0, withEndpoint } from './helpers.js';

const newBatch = (s: SimState, name: string, emails: string[]): SimState => {
  const { state, result } = invokeCmdlet(s, { cmdlet: 'New-MigrationBatch', parameters: { Name: name, SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(emails) } }, { inPlace: true });
  expect(result).toMatchObject({ ok: true });
  return state;
};
/** A cmdlet run as apply runs it (in place, on the state kept between cmdlets). */
const inPlace = (s: SimState, cmdlet: string, parameters: Record<string, string>) => invokeCmdlet(s, { cmdlet, parameters }, { inPlace: true });
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

  it('finds a user (findUser) and a batch\'s users (usersOf) as a scan would, without rebuilding between cmdlets', () => {
    let s = withEndpoint(emptyState(T0));
    s = newBatch(s, 'B1', ['a@contoso.com', 'b@contoso.com']);
    s = newBatch(s, 'B2', ['c@contoso.com', 'd@contoso.com']);
    const index = userIndex(s);
    const scanUser = (id: string) => s.users.find((u) => u.email.toLowerCase() === id.trim().toLowerCase());
    const expected = ['a@contoso.com', ' C@Contoso.COM ', 'nobody@contoso.com'].map((id) => [id, scanUser(id)] as const);
    const b1 = s.batches.find((b) => b.name === 'B1')!;
    const b2 = s.batches.find((b) => b.name === 'B2')!;
    const ofB2 = s.users.filter((u) => u.batch === 'B2');
    // The lookups must not scan the users: this array refuses to be scanned from here on.
    for (const scan of ['find', 'filter', 'some', 'forEach'] as const) {
      Object.defineProperty(s.users, scan, { value: () => { throw new Error(`state.users.${scan} called`); }, configurable: true });
    }
    for (const [id, user] of expected) expect(findUser(s, id)).toBe(user);
    expect(usersOf(s, b1).map((u) => u.email)).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(usersOf(s, b2)).toEqual(ofB2);
    // A batch name in another case is the same batch (the service compares names case-insensitively).
    expect(usersOf(s, { ...b2, name: ' b2 ' })).toEqual(ofB2);
    for (const scan of ['find', 'filter', 'some', 'forEach'] as const) delete (s.users as unknown as Record<string, unknown>)[scan];
    // Starting a batch and removing a user are cmdlets that read the index, not rebuild it.
    s = inPlace(s, 'Start-MigrationBatch', { Identity: 'B2' }).state;
    expect(userIndex(s)).toBe(index);
    expect(usersOf(s, b2).map((u) => u.status)).toEqual(s.users.filter((u) => u.batch === 'B2').map((u) => u.status));
    s = inPlace(s, 'Remove-MigrationUser', { Identity: 'B@CONTOSO.COM' }).state;
    expect(userIndex(s)).toBe(index);
    expect(s.users.find((u) => u.email === 'b@contoso.com')!.status).toBe('Removing');
    expect(inPlace(s, 'Remove-MigrationUser', { Identity: 'nobody@contoso.com' }).result).toEqual({ ok: false, error: T.userNotFound('nobody@contoso.com') });
  });

  it('forgets a removed user and the users of a removed batch once the service deletes them', () => {
    let s = withEndpoint(emptyState(T0));
    s = newBatch(s, 'B1', ['a@contoso.com', 'b@contoso.com']);
    s = newBatch(s, 'B2', ['c@contoso.com']);
    s = advance(ok(s, 'Remove-MigrationUser', { Identity: 'a@contoso.com' }), '1h');
    expect(findUser(s, 'a@contoso.com')).toBeUndefined();
    expect(usersOf(s, s.batches.find((b) => b.name === 'B1')!).map((u) => u.email)).toEqual(['b@contoso.com']);
    s = advance(ok(s, 'Remove-MigrationBatch', { Identity: 'B2' }), '1d');
    expect(s.batches.map((b) => b.name)).toEqual(['B1']);
    expect(findUser(s, 'c@contoso.com')).toBeUndefined();
    // A new batch under the removed one's name has only its own users.
    s = newBatch(s, 'B2', ['e@contoso.com']);
    expect(usersOf(s, s.batches.find((b) => b.name === 'B2')!).map((u) => u.email)).toEqual(['e@contoso.com']);
  });
});
