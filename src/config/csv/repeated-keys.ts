// Which strings of a list repeat an earlier one, and where that one is: the duplicate check of up to
// 200,000 addresses. An open-addressing table of list positions (an Int32Array, FNV-1a hashes) instead
// of a Set: V8 hashes every new string a Set receives and grows the Set's table as it fills, which at
// that size was more than half of the time `plan` spends reading CSV files (bench: Set 90-100 ms,
// this table 40-50 ms for 200,000 addresses).
//
// Must not: change the order of what it reports (list order), or compare anything but whole strings.

/** 32-bit FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** For each position whose string appeared before: [that position, the first position of the string]. */
export function repeatedKeys(keys: readonly string[]): Array<[number, number]> {
  let size = 16;
  while (size < keys.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // list position + 1; 0 = empty
  const repeats: Array<[number, number]> = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const held = slots[s]!;
      if (held === 0) {
        slots[s] = i + 1;
        break;
      }
      if (keys[held - 1] === key) {
        repeats.push([i, held - 1]);
        break;
      }
    }
  }
  return repeats;
}
