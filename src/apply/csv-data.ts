// The CSV a batch's cmdlet carries (-CSVData): the batch's mailboxes as the service expects them.
//
// Must not: be logged or shown (a Password column is revealed here, for the service only), carry columns
// the service does not document, or read files.
import type { DesiredUser } from '../model/index.js';

const needsQuotes = /[",\r\n]|^\s|\s$/;
const field = (v: string): string => (needsQuotes.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The bytes sent as -CSVData: a canonical UTF-8 CSV (CRLF, no BOM) of the given rows, whatever the
 * encoding of the admin's file. Optional columns appear only when one of the rows uses them.
 */
export function buildCsvData(users: readonly DesiredUser[]): Buffer {
  const withPassword = users.some((u) => u.password !== undefined);
  const withForce = users.some((u) => u.forceChangePassword !== undefined);
  const header = ['EmailAddress'];
  if (withPassword) header.push('Password');
  if (withForce) header.push('ForceChangePassword');
  const lines = [header.join(',')];
  for (const u of users) {
    const row = [field(u.email)];
    if (withPassword) row.push(u.password ? field(u.password.reveal()) : '');
    if (withForce) row.push(u.forceChangePassword === undefined ? '' : u.forceChangePassword ? 'True' : 'False');
    lines.push(row.join(','));
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
