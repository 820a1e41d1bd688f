// The staged-migration CSV as the service validates it (facts §7.2, §8.3). Structural problems fail
// the cmdlet; row problems become validation warnings on the batch.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { parseCsvRecords } from '../../config/csv/csv-records.js';
import { decodeText } from '../../config/text/text-decode.js';
import { refuse } from './params.js';
import { T } from './texts.js';

export const MAX_CSV_ROWS = 2000;
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
const KNOWN_COLUMNS = ['EmailAddress', 'Password', 'ForceChangePassword', 'Username'];

export interface ServiceCsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  email: string;
  hasPassword: boolean;
  forceChangePassword?: boolean;
  /** A validation warning for this row; the user is then not added. */
  problem?: string;
}

const SMTP = /^[^@\s"<>,;]+@[^@\s"<>,;.]+(\.[^@\s"<>,;.]+)+$/;

export function parseServiceCsv(bytes: Uint8Array, opts: { allowUnknownColumns: boolean }): ServiceCsvRow[] {
  if (bytes.length > MAX_CSV_BYTES) refuse(T.csvTooLarge);
  const decoded = decodeText(bytes);
  if (!decoded.ok) refuse(T.csvUnreadable(decoded.reason));
  const { records, syntaxError } = parseCsvRecords(decoded.text);
  if (syntaxError) refuse(T.csvUnreadable(`line ${syntaxError.line}: ${syntaxError.message}.`));
  const header = records[0];
  if (header === undefined) refuse(T.csvEmpty);
  const names = header.cells;
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (index.has(key)) refuse(T.csvDuplicatedColumn(name));
    index.set(key, i);
  });
  const emailCol = index.get('emailaddress');
  if (emailCol === undefined) refuse(T.csvMissingColumn('EmailAddress'));
  const known = new Set(KNOWN_COLUMNS.map((c) => c.toLowerCase()));
  const unknown = names.filter((n) => !known.has(n.toLowerCase()));
  if (unknown.length > 0 && !opts.allowUnknownColumns) refuse(T.csvUnknownColumns(unknown));
  const data = records.slice(1);
  if (data.length === 0) refuse(T.csvEmpty);
  if (data.length > MAX_CSV_ROWS) refuse(T.csvTooManyRows(MAX_CSV_ROWS.toLocaleString('en-US')));
  for (const r of data) {
    if (r.cells.length !== names.length) refuse(T.csvWrongColumns(r.line, names.length, r.cells.length));
  }
  const pwCol = index.get('password');
  const fcpCol = index.get('forcechangepassword');
  const seen = new Set<string>();
  return data.map((r): ServiceCsvRow => {
    const email = r.cells[emailCol]!.trim();
    const row: ServiceCsvRow = {
      row: r.line,
      email,
      hasPassword: pwCol !== undefined && r.cells[pwCol] !== '',
    };
    const fcp = fcpCol === undefined ? '' : r.cells[fcpCol]!.trim();
    if (/^(true|false)$/i.test(fcp)) row.forceChangePassword = fcp.toLowerCase() === 'true';
    if (email === '') row.problem = T.valueMissing('EmailAddress');
    else if (!SMTP.test(email)) row.problem = T.invalidSmtp(email);
    else if (fcp !== '' && row.forceChangePassword === undefined) row.problem = T.invalidChoice('true, false', fcp);
    else if (seen.has(email.toLowerCase())) row.problem = T.userDuplicateInCsv(email);
    seen.add(email.toLowerCase());
    return row;
  });
}
