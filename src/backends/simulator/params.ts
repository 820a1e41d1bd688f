// Reading cmdlet parameters the way PowerShell binds them: names case-insensitive, unknown names refused.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { WireValue } from '../../model/index.js';
import { T } from './texts.js';

/** A refusal by the service: the cmdlet fails with this exact text and changes nothing. */
export class CmdletError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CmdletError';
  }
}

export function refuse(text: string): never {
  throw new CmdletError(text);
}

const COMMON = ['Confirm', 'Partition'];

export interface Credential {
  username: string;
  password: string;
}

export class Params {
  readonly #values = new Map<string, { name: string; value: WireValue }>();

  constructor(params: Record<string, WireValue>, allowed: readonly string[]) {
    const canonical = new Map([...allowed, ...COMMON].map((n) => [n.toLowerCase(), n]));
    for (const [key, value] of Object.entries(params)) {
      const name = canonical.get(key.replace(/^-/, '').toLowerCase());
      if (name === undefined) refuse(T.paramNotFound(key));
      this.#values.set(name, { name, value });
    }
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  #raw(name: string): WireValue | undefined {
    return this.#values.get(name)?.value;
  }

  required(...names: string[]): void {
    const missing = names.filter((n) => !this.has(n));
    if (missing.length > 0) refuse(T.missingMandatory(missing.join(', ')));
  }

  string(name: string): string | undefined {
    const v = this.#raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    return refuse(T.cannotConvert(name, display(v), 'System.String'));
  }

  /** A switch: present (true) or `-Switch:$false` (false). */
  switch(name: string): boolean {
    const v = this.#raw(name);
    if (v === undefined) return false;
    if (typeof v === 'boolean') return v;
    return refuse(T.cannotConvert(name, display(v), 'System.Management.Automation.SwitchParameter'));
  }

  bool(name: string): boolean | undefined {
    const v = this.#raw(name);
    if (v === undefined || typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^\s*(true|false)\s*$/i.test(v)) return v.trim().toLowerCase() === 'true';
    return refuse(T.cannotConvert(name, display(v), 'System.Boolean'));
  }

  /** Unlimited<int>: an integer or the literal "unlimited" (returned as Infinity). */
  unlimited(name: string): number | undefined {
    const v = this.#raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
    if (typeof v === 'string' && v.trim().toLowerCase() === 'unlimited') return Infinity;
    return refuse(T.cannotConvert(name, display(v), 'Microsoft.Exchange.Data.Unlimited`1[System.Int32]'));
  }

  /** A MultiValuedProperty: an array or a comma-separated string. */
  strings(name: string): string[] | undefined {
    const v = this.#raw(name);
    if (v === undefined) return undefined;
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : undefined;
    if (list === undefined) return refuse(T.cannotConvert(name, display(v), 'MultiValuedProperty'));
    return list.map((s) => s.trim()).filter((s) => s !== '');
  }

  /** A DateTime as ISO-8601 text; without a zone it is UTC, as in EXO (facts §3.6). Milliseconds since the epoch. */
  date(name: string): number | undefined {
    const v = this.#raw(name);
    if (v === undefined) return undefined;
    const text = typeof v === 'string' ? v.trim() : '';
    const zoned = /(z|[+-]\d{2}(:?\d{2})?)$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
    const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(zoned) : NaN;
    if (Number.isNaN(at)) return refuse(T.cannotConvert(name, display(v), 'System.DateTime'));
    return at;
  }

  credential(name: string): Credential | undefined {
    const v = this.#raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'object' && !Array.isArray(v) && 'credential' in v) return v.credential;
    return refuse(T.cannotConvert(name, display(v), 'System.Management.Automation.PSCredential'));
  }

  bytes(name: string): Uint8Array | undefined {
    const v = this.#raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'object' && !Array.isArray(v) && 'bytes' in v) return Buffer.from(v.bytes, 'base64');
    return refuse(T.cannotConvert(name, display(v), 'System.Byte[]'));
  }
}

function display(v: WireValue): string {
  if (typeof v === 'object' && !Array.isArray(v)) return 'credential' in v ? 'System.Management.Automation.PSCredential' : 'System.Byte[]';
  return String(v);
}
