// The simulator's directory of cloud recipients (DESIGN §7): mail users from directory sync by default,
// mailboxes once provisioned (and after their migration record is gone), and scenario exceptions.
import { describe, expect, it } from 'vitest';
import {
  cloudDirectory, emptyState, FAILURE_KINDS, parseScenario, applyScenario, readBatches, SERVICE_TEXTS as T,
  type SimState,
} from '../../../src/backends/simulator/index.js';
import { advance, batchOf, emails, ok, T0, userOf, withBatch, withEndpoint } from './helpers.js';

const start = (s: SimState, name = 'B1'): SimState => ok(s, 'Start-MigrationBatch', { Identity: name });

describe('the directory of cloud recipients', () => {
  it('holds every address as a mail user until a migration provisions it; a mailbox stays when its record goes', () => {
    let s = withBatch(withEndpoint(), 'B1', ['a@contoso.com']);
    const before = cloudDirectory(s);
    expect(before.recipientType('a@contoso.com')).toBe('MailUser');
    expect(before.recipientType('anyone.else@contoso.com')).toBe('MailUser');
    s = advance(start(s), '1d');
    expect(userOf(s, 'a@contoso.com').status).toBe('Synced');
    expect(cloudDirectory(s).recipientType('A@Contoso.com')).toBe('UserMailbox');
    s = advance(ok(s, 'Remove-MigrationUser', { Identity: 'a@contoso.com' }), '1h');
    expect(s.users).toEqual([]);
    expect(s.directory).toEqual({ mailboxes: ['a@contoso.com'] });
    expect(cloudDirectory(s).kind('a@contoso.com')).toBe('mailbox');
  });

  it('refuses a row whose address is already a mailbox, with the service text', () => {
    let s = advance(start(withBatch(withEndpoint(), 'B1', ['a@contoso.com'])), '1d');
    s = advance(ok(s, 'Remove-MigrationUser', { Identity: 'a@contoso.com' }), '1h');
    s = withBatch(s, 'B2', ['a@contoso.com', 'b@contoso.com']);
    const b2 = readBatches(s).find((b) => b.name === 'B2')!;
    expect(b2.totalCount).toBe(1);
    expect(b2.validationWarnings).toEqual([`Row:2, EmailAddress:a@contoso.com, Error:${T.alreadyMigrated('a@contoso.com')}`]);
  });

  it('fails a missing recipient, and one held by a contact or a group, as the service does', () => {
    const base = withBatch(withEndpoint(), 'B1', ['gone@contoso.com', 'contact@contoso.com', 'group@contoso.com', 'ok@contoso.com']);
    base.faults = { ...base.faults, recipients: { 'gone@contoso.com': 'missing', 'contact@contoso.com': 'contact', 'group@contoso.com': 'group' } };
    const s = advance(start(base), '1d');
    expect(userOf(s, 'gone@contoso.com')).toMatchObject({ status: 'Failed', errorSummary: FAILURE_KINDS.recipientNotFound!.summary('gone@contoso.com') });
    expect(userOf(s, 'contact@contoso.com')).toMatchObject({ status: 'Failed', errorSummary: FAILURE_KINDS.objectTypeConflict!.summary('contact@contoso.com') });
    expect(userOf(s, 'group@contoso.com').status).toBe('Failed');
    expect(userOf(s, 'ok@contoso.com').status).toBe('Synced');
    expect(batchOf(s, 'B1')).toMatchObject({ status: 'SyncedWithErrors', failedCount: 3, provisionedCount: 1 });
    const d = cloudDirectory(s);
    expect([d.recipientType('gone@contoso.com'), d.recipientType('contact@contoso.com'), d.recipientType('group@contoso.com')])
      .toEqual([undefined, 'MailContact', 'MailUniversalDistributionGroup']);
  });

  it('reads recipients from a scenario file, with positioned errors', () => {
    const good = parseScenario('recipients:\n  Gone@Contoso.com: missing\n  old@contoso.com: mailbox\n', 'scenario.yaml');
    expect(good.diagnostics).toEqual([]);
    const s = (applyScenario(emptyState(T0), good.scenario!) as { state: SimState }).state;
    expect(cloudDirectory(s).kind('gone@contoso.com')).toBe('missing');
    expect(cloudDirectory(s).recipientType('old@contoso.com')).toBe('UserMailbox');
    const bad = parseScenario('recipients:\n  x@contoso.com: mailcontact\n', 'scenario.yaml');
    expect(bad.diagnostics[0]).toMatchObject({ range: { file: 'scenario.yaml', start: { line: 2 } } });
  });

  // How fast it is at this size is a figure of `npm run bench` (bench/directory-scale.ts).
  it('stays small at 200,000 mailboxes: only exceptions are stored', () => {
    const s = withBatch(withEndpoint(emptyState(T0)), 'W', ['seed@contoso.com']);
    const [seed] = s.users;
    for (let b = 0; b < 100; b++) for (const email of emails(`w${b}-`, 2000)) s.users.push({ ...seed!, email, batch: 'W', provisioned: true });
    s.users.shift();
    const d = cloudDirectory(s);
    let mailboxes = 0;
    for (const u of s.users) if (d.kind(u.email) === 'mailbox') mailboxes += 1;
    expect(mailboxes).toBe(200_000);
    expect(s.directory).toBeUndefined();
  }, 120_000);
});
