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

interface Row { batch: string; file: string; user: DesiredUser }

/** Reports every later occurrence of an address; `batches` must be in a stable order (by name). */
export function duplicateUserDiagnostics(batches: readonly BatchUsers[]): Diagnostic[] {
  // One set of every address (the common case: no repeats, nothing else kept per mailbox); where a
  // key repeats, a second pass finds the row it first appeared on.
  const seen = new Set<string>();
  const repeats: Row[] = [];
  for (const { batch, file, users } of batches) {
    for (const user of users) {
      const key = user.key ?? emailKey(user.email);
      if (seen.size === seen.add(key).size) repeats.push({ batch, file, user });
    }
  }
  if (repeats.length === 0) return [];
  const firstOf = new Map<string, Row | undefined>(repeats.map((r) => [r.user.key ?? emailKey(r.user.email), undefined]));
  for (const { batch, file, users } of batches) {
    for (const user of users) {
      const key = user.key ?? emailKey(user.email);
      if (firstOf.has(key) && firstOf.get(key) === undefined) firstOf.set(key, { batch, file, user });
    }
  }
  return repeats.map(({ batch, file, user }) => {
    const prev = firstOf.get(user.key ?? emailKey(user.email))!;
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
