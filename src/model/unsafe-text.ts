// Characters that can make text lie about itself: C0 controls (NUL, ESC, CR, LF, TAB...), DEL, C1
// controls, the bidirectional marks, embeddings, overrides and isolates, and the Unicode line and
// paragraph separators. The config rejects them in names, addresses and paths; the views escape them
// in whatever reaches a terminal, a PR comment or a report (render/common/safe-text.ts).
// Must not: decide how a target escapes anything else (markdown, HTML): that is the views' business.

const CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069';
const ONE = new RegExp(`[${CLASS}]`);
const ALL = new RegExp(`[${CLASS}]`, 'g');

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'backspace', 0x09: 'tab', 0x0a: 'line feed', 0x0b: 'vertical tab', 0x0c: 'form feed',
  0x0d: 'carriage return', 0x1b: 'ESC', 0x7f: 'DEL', 0x9b: 'CSI', 0x2028: 'line separator', 0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
  0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark', 0x061c: 'Arabic letter mark',
};

export const hasUnsafeCharacter = (text: string): boolean => ONE.test(text);

/** Index of the first unsafe character, or -1. */
export const firstUnsafeIndex = (text: string): number => text.search(ONE);

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** "U+001B ESC": the character as a person can read it in a message. */
export function describeUnsafe(c: string): string {
  const name = NAMES[c.charCodeAt(0)];
  const code = c.charCodeAt(0);
  return `U+${hex(c)} ${name ?? (code < 0x20 ? 'control character' : code <= 0x9f ? 'C1 control character' : 'bidirectional control')}`;
}

/** The text with each unsafe character written as a visible `\u001b`-style escape. */
export const escapeUnsafe = (text: string): string =>
  (ONE.test(text) ? text.replace(ALL, (c) => `\\u${hex(c).toLowerCase()}`) : text);
