// PowerShell literal quoting: values are always single-quoted, so nothing inside is ever expanded.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).

/** PowerShell also treats the typographic single quotes as quote characters; each must be doubled. */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

export function quotePs(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

export function quotePsArray(values: readonly string[]): string {
  return values.length === 0 ? '@()' : values.map(quotePs).join(',');
}
