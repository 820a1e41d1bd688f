// SMTP addresses as the migration service accepts them, internationalised local parts included
// (SMTPUTF8). Deliberately a simple linear check, run once per CSV row: an ASCII fast path, and a
// cache of domains (a plan has a handful of domains and up to 200,000 addresses).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.

// The local part, then the one @ and the rest (the domain, checked apart): matched in place, no copy.
const LOCAL_ASCII_AT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[^@]*$/;
const LOCAL_AT = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@[^@]*$/u;
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
/** LABEL for ASCII labels: the Unicode classes are compiled only for a domain that needs them. */
const ASCII_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A host name with at least two labels (contoso.com), IDN labels allowed. */
export function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) if (!ASCII_LABEL.test(label) && !LABEL.test(label)) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

const domainCache = new Map<string, boolean>();
// Rows of a CSV mostly share one domain: the last one is compared in place (no copy of it per row).
let lastDomain = '';
let lastOk = false;

function isValidDomainCached(address: string, start: number): boolean {
  if (address.length - start === lastDomain.length && address.startsWith(lastDomain, start)) return lastOk;
  const domain = address.slice(start);
  let ok = domainCache.get(domain);
  if (ok === undefined) {
    ok = isValidDomain(domain);
    if (domainCache.size < 10_000) domainCache.set(domain, ok);
  }
  lastDomain = domain;
  lastOk = ok;
  return ok;
}

export function isValidSmtpAddress(address: string): boolean {
  if (address.length > 254) return false;
  // The first @ (a fast search): an address with a second one fails the local-part check anyway.
  const at = address.indexOf('@');
  if (at <= 0 || at > 64) return false;
  return (LOCAL_ASCII_AT.test(address) || LOCAL_AT.test(address)) && isValidDomainCached(address, at + 1);
}
