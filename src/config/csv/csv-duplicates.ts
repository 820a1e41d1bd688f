// A mailbox may be in only one batch, and only once in it (addresses compare by emailKey: case, NFC, IDNA).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import type { DesiredUser } from '../../model/index.js';
import { userAddress } from '../../model/index.js';
import { emailKey } from '../../model/email-key.js';
import { repeatedKeys } from './repeated-keys.js';

export interface BatchUsers {
  batch: string;
  /** CSV path as shown to the user. */
  file: string;
  users: readonly DesiredUser[];
}

/** Reports every later occurrence of an address; `batches` must be in a stable order (by name). */
export function duplicateUserDiagnostics(batches: readonly BatchUsers[]): Diagnostic[] {
  // Every row's key in one list; a repeated row is found again from its position (batches start at `starts`).
  const starts: number[] = [];
  let total = 0;
  for (const { users } of batches) {
    starts.push(total);
    total += users.length;
  }
  const keys = new Array<string>(total);
  batches.forEach(({ users }, b) => {
    for (let i = 0, at = starts[b]!; i < users.length; i++, at++) keys[at] = users[i]!.key ?? emailKey(users[i]!.email);
  });
  const rowAt = (i: number) => {
    let b = starts.length - 1;
    while (starts[b]! > i) b--; // the last batch starting at or before i (an empty one never is: the next starts there too)
    return { ...batches[b]!, user: batches[b]!.users[i - starts[b]!]! };
  };
  return repeatedKeys(keys).map(([at, firstAt]) => {
    const { batch, file, user } = rowAt(at);
    const prev = rowAt(firstAt);
    const summary = prev.batch === batch
      ? `"${user.email}" is listed more than once in this CSV file (first at line ${prev.user.line})`
      : `"${user.email}" is already in batch \`${prev.batch}\` (${prev.file}:${prev.user.line})`;
    return error('CSV_DUPLICATE', summary, {
      range: { file, start: { line: user.line, col: 1 } },
      address: userAddress(user.email),
      detail: 'The migration service allows a mailbox in only one batch, and only once in it.',
      hint: 'Remove one of the two rows.',
    });
  });
}
