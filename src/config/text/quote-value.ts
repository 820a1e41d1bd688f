// A value from the user's files shown inside a message: quoted, control characters escaped (a
// terminal escape or line break in a CSV cell must not reach the terminal or a PR comment), and cut short.
import { escapeUnsafe, hasUnsafeCharacter } from '../../model/index.js';

export const hasControlCharacter = hasUnsafeCharacter;

/** `"value"` with control characters as \u escapes, at most `max` characters of the value. */
export function quoteValue(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max - 3)}...` : text;
  return `"${escapeUnsafe(cut)}"`;
}
