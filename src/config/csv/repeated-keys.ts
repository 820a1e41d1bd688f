// Which keys of a list repeat an earlier one, and where that one is: the duplicate check of up to
// 200,000 addresses. An open-addressing table of list positions (an Int32Array) over the FNV-1a hashes
// the CSV reader computed as it checked each address, instead of a Set: V8 hashes every new string a
// Set receives and grows the Set's table as it fills, which at that size was more than half of the
// time `plan` spends reading CSV files (bench: Set 90-100 ms, this table 40-50 ms for 200,000 addresses,
// under 10 ms with the reader's hashes).
//
// Must not: change the order of what it reports (list order), or compare anything but whole strings.

/**
 * For each position whose key appeared before: [that position, the first position of the key]. The
 * table compares hashes first, so `keyAt` is asked only for positions whose hashes match (a repeat, or
 * one of the few 32-bit collisions among 200,000 keys): a batch whose addresses are lazy (model/lazy-list.ts)
 * is read only when one of its rows is.
 */
export function repeatedKeys(count: number, hashes: ArrayLike<number>, keyAt: (i: number) => string): Array<[number, number]> {
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // list position + 1; 0 = empty
  const repeats: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const hash = hashes[i]! | 0;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const held = slots[s]!;
      if (held === 0) {
        slots[s] = i + 1;
        break;
      }
      if ((hashes[held - 1]! | 0) === hash && keyAt(held - 1) === keyAt(i)) {
        repeats.push([i, held - 1]);
        break;
      }
    }
  }
  return repeats;
}
