// Text from users and from the service, made safe for the terminal: control characters (ESC, line
// breaks, NUL, DEL, C1) and bidirectional overrides are written as visible \u escapes, so a batch name
// or a service message can neither move the cursor, erase lines, nor start a line of its own.
// One function per target: termText here, mdText/codeSpan/htmlText in markdown-text.ts.
// Must not: touch the views' own escapes (colours, redraws): apply it to values, never to finished output.
import { escapeUnsafe, hasUnsafeCharacter } from '../../model/unsafe-text.js'; // not the barrel: every command loads this

/** A value for the terminal. */
export const termText = (s: string): string => escapeUnsafe(s);

/**
 * The same value with `escape` applied to every string inside it (object keys included). Unchanged
 * parts are shared, not copied, so a large plan document costs one pass when nothing needs escaping.
 */
export function escapeStrings<T>(value: T, escape: (s: string) => string): T {
  return walk(value, escape) as T;
}

/** Only plain data is walked: a Date, a Map or a Sensitive is left as it is. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function walk(value: unknown, escape: (s: string) => string): unknown {
  if (typeof value === 'string') return escape(value);
  if (Array.isArray(value)) {
    // Long lists of mailboxes: one scan of the joined text instead of a call per entry.
    if (value.length > 64 && value.every((v) => typeof v === 'string') && !hasUnsafeCharacter(value.join(''))) return value;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = walk(value[i], escape);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (isPlainObject(value)) {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const k2 = escape(k);
      const v2 = walk(v, escape);
      if (k2 !== k || v2 !== v) {
        out ??= { ...value };
        if (k2 !== k) delete out[k];
        out[k2] = v2;
      }
    }
    return out ?? value;
  }
  return value;
}

/** The value with every string inside made safe for the terminal: what each human view does first. */
export const forTerminal = <T>(value: T): T => escapeStrings(value, termText);
