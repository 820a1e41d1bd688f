// The bridge's projection of Get-Mailbox → CloudMailbox. Anything unexpected is an error, never "absent".
// Must not: call the service, or leave out a mailbox or address it cannot read: what counts as migrated rests on them.
import { compareText, type CloudMailbox } from '../../model/index.js';
import { address, LiveShapeError, objects, optText, text } from './live-map.js';
import { addressValue } from './live-values.js';

const WHAT = 'Get-Mailbox';

/** EmailAddresses as proxy address texts ("SMTP:a@x", "X500:..."); a proxy address object gives its ProxyAddressString. */
function proxies(o: Record<string, unknown>): string[] {
  const v = o.emailAddresses ?? [];
  return (Array.isArray(v) ? v : [v]).map((p) => {
    if (typeof p === 'string') return p;
    const r = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    const text = [r.ProxyAddressString, r.ToString].find((x) => typeof x === 'string');
    if (typeof text === 'string') return text;
    const a = addressValue(p);
    if (a !== undefined) return `${r.IsPrimaryAddress === true ? 'SMTP' : 'smtp'}:${a}`;
    throw new LiveShapeError(`${WHAT}: "emailAddresses" is not a list of proxy addresses`);
  });
}

/** Every SMTP address the tenant's mailboxes hold (primary and secondary): what counts as migrated. */
export function mailboxAddresses(mailboxes: readonly CloudMailbox[]): string[] {
  const out: string[] = [];
  for (const m of mailboxes) {
    out.push(m.primarySmtpAddress);
    for (const p of m.emailAddresses) if (/^smtp:/i.test(p)) out.push(p.slice(5));
  }
  return out;
}

export function mapMailboxes(raw: unknown): CloudMailbox[] {
  return objects(raw, WHAT)
    .map((o) => {
      const m: CloudMailbox = {
        primarySmtpAddress: address(o, 'primarySmtpAddress', WHAT),
        emailAddresses: proxies(o),
        legacyExchangeDN: text(o, 'legacyExchangeDN', WHAT),
      };
      const guid = optText(o, 'exchangeGuid', WHAT);
      if (guid !== undefined) m.exchangeGuid = guid;
      return m;
    })
    .sort((a, b) => compareText(a.primarySmtpAddress.toLowerCase(), b.primarySmtpAddress.toLowerCase()));
}
