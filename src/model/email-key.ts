// One address, one spelling (DESIGN §3): the key two mailbox addresses are compared by. The local part
// is NFC-normalised and lower-cased; the domain is IDNA-mapped to its ASCII form (so `bücher.example`
// and `xn--bcher-kva.example` are the same domain) and lower-cased. Display keeps what the CSV holds.
//
// Must not: do I/O or import from src/ folders other than diag/.
import { domainToASCII } from 'node:url';

const cache = new Map<string, string>();
const ASCII = /^[\x20-\x7e]*$/;

/** A domain's key: lower case, IDNA-mapped to its ASCII (A-label) form. */
export function domainKey(domain: string): string {
  const lower = domain.toLowerCase();
  if (ASCII.test(lower)) return lower;
  let key = cache.get(lower);
  if (key === undefined) {
    // An unmappable domain keeps its NFC form: it still compares equal to itself.
    key = domainToASCII(lower.normalize('NFC')) || lower.normalize('NFC');
    if (cache.size > 10_000) cache.clear();
    cache.set(lower, key);
  }
  return key;
}

export function emailKey(email: string): string {
  if (ASCII.test(email)) return email.toLowerCase();
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const localKey = local.normalize('NFC').toLowerCase();
  return at < 0 ? localKey : `${localKey}@${domainKey(email.slice(at + 1))}`;
}
