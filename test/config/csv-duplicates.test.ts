// duplicateUserDiagnostics: every later row of an address points at its first row, in and across batches.
import { describe, expect, it } from 'vitest';
import { duplicateUserDiagnostics } from '../../src/config/csv/csv-duplicates.js';

const rows = (...list: Array<[string, number]>) => list.map(([email, line]) => ({ email, line }));

describe('duplicate rows', () => {
  it('reports nothing when every address is listed once', () => {
    expect(duplicateUserDiagnostics([{ batch: 'A', file: 'a.csv', users: rows(['a@x.com', 2], ['b@x.com', 3]) }])).toEqual([]);
  });

  it('names the first row of each repeated address, whichever spelling and batch repeat it', () => {
    const found = duplicateUserDiagnostics([
      { batch: 'A', file: 'a.csv', users: rows(['a@x.com', 2], ['b@x.com', 3], ['A@X.com', 4]) },
      { batch: 'B', file: 'b.csv', users: rows(['c@x.com', 2], ['a@x.com', 3]) },
      { batch: 'B2', file: 'b2.csv', users: [] },
      // Keys computed by the CSV reader are used as they are.
      { batch: 'C', file: 'c.csv', users: [{ email: 'C@X.COM', key: 'c@x.com', line: 7 }, { email: 'b@x.com', key: 'b@x.com', line: 8 }] },
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
