// One address, one spelling (DESIGN §3): the key two mailbox addresses are compared by. The local part
// is NFC-normalised and lower-cased; the domain is IDNA-mapped to its ASCII form (so `bücher.example`
// and `xn--bcher-kva.example` are the same domain) and lower-cased. Display keeps what the CSV holds.
//
// Must not: do I/O or import from src/ folders other than diag/.
import { domainToASCII } from 'node:url';

const cache = new Map<string, string>();

/** 0: printable ASCII in lower case; 1: printable ASCII with capitals; 2: anything else. */
function asciiShape(text: string): 0 | 1 | 2 {
  let shape: 0 | 1 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return 2;
    if (c >= 0x41 && c <= 0x5a) shape = 1;
  }
  return shape;
}

/** A domain's key: lower case, IDNA-mapped to its ASCII (A-label) form. */
export function domainKey(domain: string): string {
  const lower = domain.toLowerCase();
  if (asciiShape(lower) !== 2) return lower;
  let key = cache.get(lower);
  if (key === undefined) {
    // An unmappable domain keeps its NFC form: it still compares equal to itself.
    key = domainToASCII(lower.normalize('NFC')) || lower.normalize('NFC');
    if (cache.size > 10_000) cache.clear();
    cache.set(lower, key);
  }
  return key;
}

/** 32-bit FNV-1a over UTF-16 code units: the hash the duplicate check files keys by. */
export function keyHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * keyHash of an address that is its own key (printable ASCII in lower case), found in the same pass
 * that checks it is one; -1 for any other address (its key is emailKey's, hashed apart).
 */
export function ownKeyHash(email: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < email.length; i++) {
    const c = email.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c >= 0x41 && c <= 0x5a)) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

export function emailKey(email: string): string {
  const shape = asciiShape(email);
  if (shape === 0) return email;
  if (shape === 1) return email.toLowerCase();
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const localKey = local.normalize('NFC').toLowerCase();
  return at < 0 ? localKey : `${localKey}@${domainKey(email.slice(at + 1))}`;
}
