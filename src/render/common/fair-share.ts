// Max-min fair division of a budget: nobody gets more than it asks for, and what the small askers
// leave over is shared equally by the others.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).

export function fairShare(demands: readonly number[], budget: number): number[] {
  const out = demands.map(() => 0);
  const order = demands.map((_, i) => i).sort((a, b) => demands[a]! - demands[b]!);
  let left = Math.max(0, Math.floor(budget));
  order.forEach((i, k) => {
    const give = Math.min(demands[i]!, Math.floor(left / (order.length - k)));
    out[i] = give;
    left -= give;
  });
  return out;
}

/** How many of the rows fit in `chars` characters (each row plus its newline). */
export function rowsThatFit(rowLengths: readonly number[], chars: number): number {
  let used = 0;
  let k = 0;
  while (k < rowLengths.length && used + rowLengths[k]! + 1 <= chars) used += rowLengths[k++]! + 1;
  return k;
}

/** Characters the rows take in full (each plus its newline). */
export const rowsLength = (rowLengths: readonly number[]): number => rowLengths.reduce((n, l) => n + l + 1, 0);
