// A mailbox may be in only one batch, and only once in it (addresses compare by emailKey: case, NFC, IDNA).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import type { UserColumns } from '../../model/index.js';
import { userAddress } from '../../model/index.js';
import { repeatedKeys } from './repeated-keys.js';

export interface BatchUsers {
  batch: string;
  /** CSV path as shown to the user. */
  file: string;
  rows: UserColumns;
}

/** Reports every later occurrence of an address; `batches` must be in a stable order (by name). */
export function duplicateUserDiagnostics(batches: readonly BatchUsers[]): Diagnostic[] {
  // Every row's hash in one list; a repeated row is found again from its position (batches start at `starts`).
  const starts: number[] = [];
  let total = 0;
  for (const { rows } of batches) {
    starts.push(total);
    total += rows.hashes.length;
  }
  const hashes = new Int32Array(total);
  batches.forEach(({ rows }, b) => hashes.set(rows.hashes, starts[b]!));
  // The last batch starting at or before i (an empty one never is: the next starts there too).
  const batchAt = (i: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const keyAt = (i: number): string => {
    const b = batchAt(i);
    return batches[b]!.rows.keys[i - starts[b]!]!;
  };
  const rowAt = (i: number) => {
    const b = batchAt(i);
    const { batch, file, rows } = batches[b]!;
    return { batch, file, email: rows.emails[i - starts[b]!]!, line: rows.lines[i - starts[b]!]! };
  };
  return repeatedKeys(total, hashes, keyAt).map(([at, firstAt]) => {
    const { batch, file, email, line } = rowAt(at);
    const prev = rowAt(firstAt);
    const summary = prev.batch === batch
      ? `"${email}" is listed more than once in this CSV file (first at line ${prev.line})`
      : `"${email}" is already in batch \`${prev.batch}\` (${prev.file}:${prev.line})`;
    return error('CSV_DUPLICATE', summary, {
      range: { file, start: { line, col: 1 } },
      address: userAddress(email),
      detail: 'The migration service allows a mailbox in only one batch, and only once in it.',
      hint: 'Remove one of the two rows.',
    });
  });
}
