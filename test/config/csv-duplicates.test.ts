// duplicateUserDiagnostics: every later row of an address points at its first row, in and across batches.
import { describe, expect, it } from 'vitest';
import { duplicateUserDiagnostics } from '../../src/config/csv/csv-duplicates.js';
import { emailKey, keyHash, type UserColumns } from '../../src/model/index.js';

/** Columns as the CSV reader makes them: [address, line] or [address, line, key as the reader computed it]. */
function rows(...list: Array<[string, number, string?]>): UserColumns {
  const keys = list.map(([email, , key]) => key ?? emailKey(email));
  return { emails: list.map(([email]) => email), keys, lines: Int32Array.from(list, ([, line]) => line), hashes: Int32Array.from(keys, keyHash) };
}

describe('duplicate rows', () => {
  it('reports nothing when every address is listed once', () => {
    expect(duplicateUserDiagnostics([{ batch: 'A', file: 'a.csv', rows: rows(['a@x.com', 2], ['b@x.com', 3]) }])).toEqual([]);
  });

  it('names the first row of each repeated address, whichever spelling and batch repeat it', () => {
    const found = duplicateUserDiagnostics([
      { batch: 'A', file: 'a.csv', rows: rows(['a@x.com', 2], ['b@x.com', 3], ['A@X.com', 4]) },
      { batch: 'B', file: 'b.csv', rows: rows(['c@x.com', 2], ['a@x.com', 3]) },
      { batch: 'B2', file: 'b2.csv', rows: rows() },
      // Keys computed by the CSV reader are used as they are.
      { batch: 'C', file: 'c.csv', rows: rows(['C@X.COM', 7, 'c@x.com'], ['b@x.com', 8, 'b@x.com']) },
    ]);
    expect(found.map((d) => `${d.range?.file}:${d.range?.start.line} ${d.summary}`)).toEqual([
      'a.csv:4 "A@X.com" is listed more than once in this CSV file (first at line 2)',
      'b.csv:3 "a@x.com" is already in batch `A` (a.csv:2)',
      'c.csv:7 "C@X.COM" is already in batch `B` (b.csv:2)',
      'c.csv:8 "b@x.com" is already in batch `A` (a.csv:3)',
    ]);
    expect(found.every((d) => d.code === 'CSV_DUPLICATE' && d.severity === 'error')).toBe(true);
  });
});
