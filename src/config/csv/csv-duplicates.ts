// A mailbox may be in only one batch, and only once in it (addresses compare by emailKey: case, NFC, IDNA).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import type { DesiredUser } from '../../model/index.js';
import { userAddress } from '../../model/index.js';
import { emailKey } from '../../model/email-key.js';

export interface BatchUsers {
  batch: string;
  /** CSV path as shown to the user. */
  file: string;
  users: readonly DesiredUser[];
}

const LINE_SPACE = 2 ** 32;

/** Reports every later occurrence of an address; `batches` must be in a stable order (by name). */
export function duplicateUserDiagnostics(batches: readonly BatchUsers[]): Diagnostic[] {
  // address → batch index and line, packed in one number: no object per mailbox.
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  batches.forEach(({ batch, file, users }, b) => {
    for (const user of users) {
      const key = emailKey(user.email);
      const packed = first.get(key);
      if (packed === undefined) {
        first.set(key, b * LINE_SPACE + user.line);
        continue;
      }
      const prev = batches[Math.floor(packed / LINE_SPACE)];
      const prevLine = packed % LINE_SPACE;
      const summary = prev?.batch === batch
        ? `"${user.email}" is listed more than once in this CSV file (first at line ${prevLine})`
        : `"${user.email}" is already in batch \`${prev?.batch ?? '?'}\` (${prev?.file ?? '?'}:${prevLine})`;
      out.push(error('CSV_DUPLICATE', summary, {
        range: { file, start: { line: user.line, col: 1 } },
        address: userAddress(user.email),
        detail: 'The migration service allows a mailbox in only one batch, and only once in it.',
        hint: 'Remove one of the two rows.',
      }));
    }
  });
  return out;
}
