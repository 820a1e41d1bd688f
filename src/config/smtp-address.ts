// SMTP addresses as the migration service accepts them, internationalised local parts included
// (SMTPUTF8). Deliberately a simple linear check, run once per CSV row.

const LOCAL = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/** A host name with at least two labels (contoso.com), IDN labels allowed. */
export function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) if (!LABEL.test(label)) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

export function isValidSmtpAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  return LOCAL.test(address.slice(0, at)) && isValidDomain(address.slice(at + 1));
}
