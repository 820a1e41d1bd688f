// A value from the user's files shown inside a message: quoted, control characters escaped (a
// terminal escape or line break in a CSV cell must not reach the terminal or a PR comment), and cut short.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

/** `"value"` with control characters as \u escapes, at most `max` characters of the value. */
export function quoteValue(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max - 3)}...` : text;
  return `"${cut.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
