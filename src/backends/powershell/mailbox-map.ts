// The bridge's projection of Get-Mailbox → CloudMailbox. Anything unexpected is an error, never "absent".
import { compareText, type CloudMailbox } from '../../model/index.js';
import { objects, optText, text, texts } from './live-map.js';

const WHAT = 'Get-Mailbox';

export function mapMailboxes(raw: unknown): CloudMailbox[] {
  return objects(raw, WHAT)
    .map((o) => {
      const m: CloudMailbox = {
        primarySmtpAddress: text(o, 'primarySmtpAddress', WHAT),
        emailAddresses: texts(o, 'emailAddresses', WHAT),
        legacyExchangeDN: text(o, 'legacyExchangeDN', WHAT),
      };
      const guid = optText(o, 'exchangeGuid', WHAT);
      if (guid !== undefined) m.exchangeGuid = guid;
      return m;
    })
    .sort((a, b) => compareText(a.primarySmtpAddress.toLowerCase(), b.primarySmtpAddress.toLowerCase()));
}
