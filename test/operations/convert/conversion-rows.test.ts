// The pure part of seed step 5: batch members, the Synced check and the rows built from Get-Mailbox.
import { describe, expect, it } from 'vitest';
import { batchMembers, conversionRows, notSynced } from '../../../src/operations/convert/conversion-rows.js';
import type { CloudMailbox, DesiredBatch, LiveState } from '../../../src/model/index.js';

const GUID = '0f6b5deb-8918-4a02-ab4e-75aa300e5c53';
const DN = '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=abc-ann';

function mailbox(primary: string, extra: string[] = [], over: Partial<CloudMailbox> = {}): CloudMailbox {
  const local = primary.split('@')[0];
  return {
    primarySmtpAddress: primary,
    emailAddresses: [`SMTP:${primary}`, `smtp:${local}@contoso.onmicrosoft.com`, `smtp:${local}@contoso.mail.onmicrosoft.com`, ...extra],
    legacyExchangeDN: DN,
    exchangeGuid: GUID,
    ...over,
  };
}

function batch(emails: string[]): DesiredBatch {
  return {
    name: 'Wave1', endpoint: 'E', state: 'started', notificationEmails: [], csv: 'w.csv', csvPath: '/w.csv', protect: true,
    users: emails.map((email, i) => ({ email, line: i + 2 })),
    source: { file: 'stagemig.yaml', start: { line: 1, col: 1 } },
  };
}

const user = (email: string, status: LiveState['users'][number]['status'], b = 'wave1') =>
  ({ email, batch: b, status, syncedItemCount: 1, skippedItemCount: 0 });

describe('batchMembers and notSynced', () => {
  it('joins the CSV rows and the service\'s users of the batch, and names every mailbox that is not Synced', () => {
    const live: LiveState = {
      endpoints: [], batches: [],
      users: [user('ANN@contoso.com', 'Synced'), user('bob@contoso.com', 'Syncing'), user('other@contoso.com', 'Failed', 'Wave2'), user('gone@contoso.com', 'Synced')],
    };
    const members = batchMembers(batch(['ann@contoso.com', 'bob@contoso.com', 'new@contoso.com']), live);
    expect(members.map((m) => m.email)).toEqual(['ANN@contoso.com', 'bob@contoso.com', 'gone@contoso.com', 'new@contoso.com']);
    expect(notSynced(members)).toEqual([
      { kind: 'not-synced', email: 'bob@contoso.com', status: 'Syncing' },
      { kind: 'not-synced', email: 'new@contoso.com' },
    ]);
  });
});

describe('conversionRows', () => {
  it('takes the routing address, the cloud LegacyExchangeDN and the other smtp and X500 addresses (not SIP, not its own)', () => {
    const m = mailbox('ann@contoso.com', ['SIP:ann@contoso.com', 'x500:/o=First Organization/cn=ann', 'SPO:SPO_123']);
    const { rows, problems } = conversionRows([{ email: 'ann@contoso.com', status: 'Synced' }], [m]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{
      emailAddress: 'ann@contoso.com',
      routingAddress: 'ann@contoso.mail.onmicrosoft.com',
      cloudLegacyExchangeDN: DN,
      exchangeGuid: GUID,
      proxyAddresses: ['smtp:ann@contoso.onmicrosoft.com', 'smtp:ann@contoso.mail.onmicrosoft.com', 'X500:/o=First Organization/cn=ann'],
    }]);
  });

  it('finds a mailbox by a secondary address, NFC and case aside, and keeps the cloud primary as a secondary address', () => {
    const m = mailbox('zoe@contoso.com', ['smtp:Zoe\u0308.mu\u0308ller@contoso.com']);
    const { rows } = conversionRows([{ email: 'zoë.müller@contoso.com', status: 'Synced' }], [m]);
    expect(rows[0]!.emailAddress).toBe('zoë.müller@contoso.com');
    expect(rows[0]!.proxyAddresses).toContain('smtp:zoe@contoso.com');
    expect(rows[0]!.proxyAddresses).not.toContain('smtp:Zoe\u0308.mu\u0308ller@contoso.com');
  });

  it('uses the first *.mail.onmicrosoft.com address when there are several', () => {
    const m = mailbox('ann@contoso.com', ['smtp:ann2@contoso.mail.onmicrosoft.com']);
    expect(conversionRows([{ email: 'ann@contoso.com' }], [m]).rows[0]!.routingAddress).toBe('ann@contoso.mail.onmicrosoft.com');
  });

  it('keeps hostile characters as they are (the script passes them as values)', () => {
    const hostile = "o'brien$`x;y@contoso.com";
    const m: CloudMailbox = { primarySmtpAddress: hostile, emailAddresses: [`SMTP:${hostile}`, "smtp:o'brien$`x;y@contoso.mail.onmicrosoft.com"], legacyExchangeDN: DN, exchangeGuid: GUID };
    expect(conversionRows([{ email: hostile }], [m]).rows[0]!.routingAddress).toBe("o'brien$`x;y@contoso.mail.onmicrosoft.com");
  });

  it('names each mailbox that cannot be converted: none in the cloud, no routing address, no ExchangeGuid, control characters', () => {
    const noRouting: CloudMailbox = { primarySmtpAddress: 'b@contoso.com', emailAddresses: ['SMTP:b@contoso.com'], legacyExchangeDN: DN, exchangeGuid: GUID };
    const noGuid = mailbox('c@contoso.com', [], { exchangeGuid: undefined });
    const control = mailbox('d@contoso.com', [], { legacyExchangeDN: `${DN}\r\nX` });
    const { rows, problems } = conversionRows(
      ['a@contoso.com', 'b@contoso.com', 'c@contoso.com', 'd@contoso.com'].map((email) => ({ email })),
      [noRouting, noGuid, control],
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { kind: 'no-cloud-mailbox', email: 'a@contoso.com' },
      { kind: 'no-routing-address', email: 'b@contoso.com' },
      { kind: 'unusable', email: 'c@contoso.com', reason: 'its cloud mailbox has no ExchangeGuid' },
      { kind: 'unusable', email: 'd@contoso.com', reason: 'its cloud addresses hold control characters' },
    ]);
  });
});
