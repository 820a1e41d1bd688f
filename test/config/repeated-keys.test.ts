// repeatedKeys: the same answer as a Map of first positions, on lists large enough to wrap and probe;
// keys are read only where hashes match.
import { describe, expect, it } from 'vitest';
import { repeatedKeys } from '../../src/config/csv/repeated-keys.js';
import { keyHash } from '../../src/model/email-key.js';

/** repeatedKeys of a list of strings, hashed here as the CSV reader hashes them. */
const repeatedStrings = (keys: readonly string[]): Array<[number, number]> => repeatedKeys(keys.length, keys.map(keyHash), (i) => keys[i]!);

/** The reference: a Map from string to its first position. */
function byMap(keys: readonly string[]): Array<[number, number]> {
  const first = new Map<string, number>();
  const out: Array<[number, number]> = [];
  keys.forEach((k, i) => {
    const f = first.get(k);
    if (f === undefined) first.set(k, i);
    else out.push([i, f]);
  });
  return out;
}

describe('repeatedKeys', () => {
  it('finds nothing in an empty list or a list without repeats', () => {
    expect(repeatedStrings([])).toEqual([]);
    expect(repeatedStrings(['a@x.com', 'b@x.com', 'A@x.com'])).toEqual([]);
  });

  it('points every later occurrence at the first, in list order', () => {
    expect(repeatedStrings(['a', 'b', 'a', 'c', 'b', 'a', ''])).toEqual([[2, 0], [4, 1], [5, 0]]);
  });

  it('agrees with a Map on 30,000 generated addresses with repeats, non-ASCII text and the empty string', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pool = ['', 'bj\u00f6rn@b\u00fccher.example', '\u{1F600}@x.example'];
    const keys = Array.from({ length: 30_000 }, (_, i) => (rand(5) === 0 ? pool[rand(pool.length)]! : `user${rand(20_000)}x${i % 7}@contoso.com`));
    const expected = byMap(keys);
    expect(expected.length).toBeGreaterThan(1000);
    expect(repeatedStrings(keys)).toEqual(expected);
  });

  it('reads a key only where two hashes match, and tells equal hashes of different keys apart', () => {
    const keys = ['a@x.com', 'b@x.com', 'c@x.com', 'a@x.com', 'd@x.com'];
    // b and c collide on purpose; d's hash is its own.
    const hashes = [keyHash('a@x.com'), 7, 7, keyHash('a@x.com'), keyHash('d@x.com')];
    const read = new Set<number>();
    const found = repeatedKeys(keys.length, hashes, (i) => {
      read.add(i);
      return keys[i]!;
    });
    expect(found).toEqual([[3, 0]]);
    expect([...read].sort()).toEqual([0, 1, 2, 3]);
  });
});
