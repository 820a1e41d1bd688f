// Wording for schema problems: where (endpoint `x`, `credentials.username` of endpoint `x`) and what.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isSecretKey } from '../secrets/secret-mask.js';

const OWNERS: Record<string, string> = { endpoints: 'endpoint', batches: 'batch' };

/** Human name of the thing at a path: "the plan", "backend", "endpoint `E`", "`csv` of batch `B`". */
export function describePath(segments: readonly string[]): string {
  if (segments.length === 0) return 'the plan';
  const [first, name, ...rest] = segments;
  const owner = first !== undefined ? OWNERS[first] : undefined;
  const base = owner && name !== undefined ? `${owner} \`${name}\`` : '';
  const tail = base ? rest : segments;
  if (tail.length === 0) return base;
  const path = tail.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
  return base ? `\`${path}\` of ${base}` : `\`${path}\``;
}

/** A value quoted for a message, or nothing when the key may hold a secret. */
export function showValue(value: unknown, key: string | undefined): string {
  if (key !== undefined && (isSecretKey(key) || /env$/i.test(key))) return '';
  if (value === null || value === undefined) return ' (got nothing)';
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return ` (got ${JSON.stringify(s)})`;
  }
  if (Array.isArray(value)) return ' (got a list)';
  if (typeof value === 'object') return ' (got a map)';
  return ` (got ${String(value)})`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a map of keys',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

export function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

export function formatName(format: string): string {
  if (format === 'email') return 'a valid SMTP address (user@contoso.com)';
  if (format === 'hostname') return 'a fully qualified DNS name (server.contoso.com)';
  if (format === 'date-time') return 'an ISO-8601 date and time with an offset (2026-11-30T18:00:00+01:00)';
  return `a valid ${format}`;
}

export function patternName(key: string | undefined, pattern: string): string {
  if (key && /env$/i.test(key)) return 'the NAME of an environment variable (letters, digits and _, not starting with a digit), not its value';
  if (key === 'certificateThumbprint') return '40 hexadecimal characters';
  return `text matching ${pattern}`;
}

export function listCode(items: readonly unknown[]): string {
  return items.map((i) => `\`${String(i)}\``).join(', ');
}
