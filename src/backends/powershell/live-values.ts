// The shapes one value can take in what Exchange Online returns (facts §9.1), read into one form: enums
// (a name, a number, a {value, Value} wrapper), Unlimited<T> (a number, "Unlimited", an object with
// IsUnlimited/Value) and addresses (text, an SmtpAddress object with Address, a proxy address object with
// AddressString/ProxyAddressString, an object carrying its ToString form). Pure; never guesses: a value in
// none of these shapes is undefined, and the caller decides whether that is an error.
// UNVERIFIED: which of these shapes the V3 module emits for each property; every documented one is accepted.
// Must not: throw, or guess a meaning for a value in no known shape (a number outside an enum stays `{ text }`).

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property by name, whatever its case (JSON from PowerShell may carry `value` and `Value`). */
function prop(o: Raw, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

/**
 * An enum: its member name, or the name of `names[n]` for a number (names are listed in value order, facts
 * §5), or the Value of a wrapper (a name wins over a number when a wrapper has both). `{ text }` is a value
 * that has a form but no known member (an unknown status); undefined is no enum value at all.
 */
export function enumValue(value: unknown, names: readonly string[]): { name: string } | { text: string } | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '') return undefined;
    const known = names.find((n) => n !== undefined && n.toLowerCase() === t.toLowerCase());
    if (known !== undefined) return { name: known };
    if (/^\d+$/.test(t)) return enumValue(Number(t), names);
    return { text: t };
  }
  if (typeof value === 'number') {
    const known = Number.isInteger(value) ? names[value] : undefined;
    return known !== undefined ? { name: known } : { text: String(value) };
  }
  if (isObject(value)) {
    const inner = [value.Value, value.value, prop(value, 'Name'), prop(value, 'ToString')];
    const named = inner.find((v) => typeof v === 'string' && v.trim() !== '');
    if (named !== undefined) return enumValue(named, names);
    const numbered = inner.find((v) => typeof v === 'number');
    if (numbered !== undefined) return enumValue(numbered, names);
  }
  return undefined;
}

/** Unlimited<int>: Infinity for unlimited; undefined when the value is in no known shape. */
export function unlimitedValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    if (/^unlimited$/i.test(t)) return Infinity;
    return /^\d+$/.test(t) ? Number(t) : undefined;
  }
  if (isObject(value)) {
    const flag = prop(value, 'IsUnlimited');
    if (flag === true || flag === 'True' || flag === 'true') return Infinity;
    const inner = prop(value, 'Value');
    if (inner !== undefined && inner !== null && !isObject(inner)) return unlimitedValue(inner);
    const text = prop(value, 'ToString');
    if (typeof text === 'string') return unlimitedValue(text);
  }
  return undefined;
}

/** An SMTP address in any of its shapes, without a proxy prefix (`smtp:`); undefined when none fits. */
export function addressValue(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim().replace(/^smtp:/i, '');
    return t === '' ? undefined : t;
  }
  if (!isObject(value)) return undefined;
  for (const key of ['Address', 'AddressString', 'SmtpAddress', 'ProxyAddressString', 'ToString']) {
    const inner = prop(value, key);
    if (typeof inner === 'string' || isObject(inner)) {
      const a = addressValue(inner);
      if (a !== undefined) return a;
    }
  }
  const local = prop(value, 'Local');
  const domain = prop(value, 'Domain');
  if (typeof local === 'string' && typeof domain === 'string' && local !== '' && domain !== '') return `${local}@${domain}`;
  return undefined;
}

/** `address/MailboxGuid`: a migration user's identity when one address has several migration records (facts §9.1). */
const WITH_GUID = /^(.+@[^/]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function splitUserIdentity(identity: string): { address: string; guid?: string } {
  const m = WITH_GUID.exec(identity.trim());
  return m ? { address: m[1]!, guid: m[2]! } : { address: identity.trim() };
}
