// Counted nouns, the one helper: "1 mailbox", "2,000 mailboxes", "3 batches".
//
// Must not: do I/O or import from src/ folders other than diag/.

/**
 * `n` with thousands separators, as `toLocaleString('en-US')` writes it. Whole numbers are grouped
 * here: the first toLocaleString of a process loads ICU's number formats (tens of milliseconds).
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `n` with thousands separators and the noun in the right number (`many` defaults to `one` + "s"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
