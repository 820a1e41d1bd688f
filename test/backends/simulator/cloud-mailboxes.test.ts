// The simulator's Get-Mailbox: the directory's mailboxes, one per address whatever its spelling.
import { describe, expect, it } from 'vitest';
import { emptyState, readCloudMailboxes, routingDomain } from '../../../src/backends/simulator/index.js';

describe('readCloudMailboxes', () => {
  it('lists provisioned users, mailboxes kept after their migration record went, and declared mailboxes, once each', () => {
    const state = emptyState(new Date('2026-03-02T09:00:00Z'));
    const user = { batch: 'W1', status: 'Synced' as const, pending: false, hasPassword: false, queueSeq: 0, syncedItemCount: 0, skippedItemCount: 0 };
    state.users.push({ ...user, email: 'ann@contoso.com', provisioned: true }, { ...user, email: 'bob@contoso.com', provisioned: false });
    state.directory = { mailboxes: ['ANN@contoso.com', 'zoë@bücher.example'] };
    state.faults.recipients = { 'cy@contoso.com': 'mailbox', 'dl@contoso.com': 'group' };
    const mailboxes = readCloudMailboxes(state, 'contoso.onmicrosoft.com');
    expect(mailboxes.map((m) => m.primarySmtpAddress)).toEqual(['ann@contoso.com', 'cy@contoso.com', 'zoë@bücher.example']);
    expect(mailboxes[0]!.emailAddresses).toEqual(['SMTP:ann@contoso.com', 'smtp:ann@contoso.onmicrosoft.com', 'smtp:ann@contoso.mail.onmicrosoft.com']);
    expect(readCloudMailboxes(state, 'contoso.onmicrosoft.com')).toEqual(mailboxes);
    expect(routingDomain('Fabrikam.onmicrosoft.com')).toBe('fabrikam.mail.onmicrosoft.com');
  });
});
