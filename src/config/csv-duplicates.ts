// A mailbox may be in only one batch, and only once in it (addresses compare case-insensitively).
import type { Diagnostic } from '../diag/index.js';
import { error } from '../diag/index.js';
import type { DesiredUser } from '../model/index.js';
import { userAddress } from '../model/index.js';

export interface BatchUsers {
  batch: string;
  /** CSV path as shown to the user. */
  file: string;
  users: readonly DesiredUser[];
}

/** Reports every later occurrence of an address; `batches` must be in a stable order (by name). */
export function duplicateUserDiagnostics(batches: readonly BatchUsers[]): Diagnostic[] {
  const first = new Map<string, { batch: string; file: string; line: number }>();
  const out: Diagnostic[] = [];
  for (const { batch, file, users } of batches) {
    for (const user of users) {
      const key = user.email.toLowerCase();
      const prev = first.get(key);
      if (prev === undefined) {
        first.set(key, { batch, file, line: user.line });
        continue;
      }
      const summary = prev.batch === batch
        ? `"${user.email}" is listed more than once in this CSV file (first at line ${prev.line})`
        : `"${user.email}" is already in batch \`${prev.batch}\` (${prev.file}:${prev.line})`;
      out.push(error('CSV_DUPLICATE', summary, {
        range: { file, start: { line: user.line, col: 1 } },
        address: userAddress(user.email),
        detail: 'The migration service allows a mailbox in only one batch, and only once in it.',
        hint: 'Remove one of the two rows.',
      }));
    }
  }
  return out;
}
