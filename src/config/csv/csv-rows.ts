// Data rows → a batch's users as columns (UserColumns), each problem reported as file:line with the
// offending value (never the password).
// Must not: contact the service, print, or put a password in a diagnostic (it is wrapped in Sensitive as it is read).
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import type { UserColumns } from '../../model/index.js';
import { count, Sensitive, userAddress } from '../../model/index.js';
import type { CsvLayout } from './csv-header.js';
import { MAX_CSV_ROWS } from '../raw-plan.js';
import { isValidSmtpAddress } from '../text/smtp-address.js';
import { emailKey, keyHash, ownKeyHash } from '../../model/email-key.js';
import { lazyList } from '../../model/lazy-list.js';
import { hasControlCharacter, quoteValue } from '../text/quote-value.js';

export interface RowOptions {
  file: string;
  /** AD FS single sign-on: ForceChangePassword must be False. */
  sso: boolean;
}

const BOOL = /^(true|false)$/i;

/** Row problems listed per file; the rest are summed up in one line. */
export const MAX_ROW_DIAGNOSTICS = 100;

export interface RowReader {
  /** Reads one data row, in file order (the cells array is not kept: it may be reused). */
  add(cells: readonly string[], line: number): void;
  /** The rows read, as columns, and their problems. */
  result(): { rows: UserColumns; diagnostics: Diagnostic[] };
}

const doubled = (column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
  const grown = new Int32Array(column.length * 2);
  grown.set(column);
  return grown;
};

/** No rows (a file that could not be read as rows). */
export const NO_ROWS: UserColumns = { emails: [], keys: [], lines: new Int32Array(0), hashes: new Int32Array(0) };

/**
 * Reads data rows one at a time: no array of rows is needed (a plain file is read straight from its
 * lines), and a good row adds an entry to each column, not an object (see UserColumns). `expectedRows`
 * sizes the columns (they grow past it). With `reread`, the addresses are not kept: the columns' emails
 * and keys are lazy lists that `reread` (the same rows read again, addresses kept) fills on first use.
 */
export function rowReader(layout: CsvLayout, opts: RowOptions, expectedRows = 64, reread?: () => UserColumns): RowReader {
  const { file } = opts;
  const emails: string[] = [];
  let keys: string[] | undefined; // made when the first address differs from its key
  let kept = 0;
  let ownKeys = true; // every address kept is its own key
  const capacity = Math.max(1, Math.min(expectedRows, MAX_CSV_ROWS));
  let lines = new Int32Array(capacity);
  let hashes = new Int32Array(capacity);
  const { EmailAddress: emailIdx = 0, Password: passIdx, ForceChangePassword: forceIdx } = layout.index;
  const passwords: Array<Sensitive | undefined> | undefined = passIdx === undefined ? undefined : [];
  const forces: Array<boolean | undefined> | undefined = forceIdx === undefined ? undefined : [];
  const diagnostics: Diagnostic[] = [];
  const at = (line: number) => ({ file, start: { line, col: 1 } });
  let rows = 0;
  let tooManyAt: number | undefined;
  let capped = false;
  const keep = (email: string, line: number): void => {
    const n = kept++;
    if (n === lines.length) {
      lines = doubled(lines);
      hashes = doubled(hashes);
    }
    let hash = ownKeyHash(email);
    if (hash < 0) {
      ownKeys = false;
      const key = emailKey(email);
      hash = keyHash(key);
      if (!reread) {
        keys ??= emails.slice();
        keys.push(key);
      }
    } else if (keys) keys.push(email);
    if (!reread) emails.push(email);
    lines[n] = line;
    hashes[n] = hash;
  };
  const add = (cells: readonly string[], line: number): void => {
    rows++;
    if (rows === MAX_CSV_ROWS + 1) tooManyAt = line;
    // Past the limit, rows are only counted: row by row problems of a file this size would bury that one.
    if (tooManyAt !== undefined || capped) return;
    if (diagnostics.length >= MAX_ROW_DIAGNOSTICS) {
      diagnostics.push(error('CSV_SYNTAX', `More problems in this file are not listed (the first ${MAX_ROW_DIAGNOSTICS} are above)`, {
        range: at(line), hint: 'Fix those, then validate again.' }));
      capped = true;
      return;
    }
    const email = (cells[emailIdx] ?? '').trim();
    if (cells.length !== layout.width) {
      diagnostics.push(error('CSV_COLUMN_COUNT', `Row has ${cells.length} ${cells.length === 1 ? 'value' : 'values'} but the header has ${layout.width} columns${email && isValidSmtpAddress(email) ? ` (row of "${email}")` : ''}`, {
        range: at(line), hint: 'Give every row as many comma-separated values as the header has columns (leave a value empty with nothing between commas); quote values that contain commas.' }));
      return;
    }
    if (email === '') {
      diagnostics.push(error('CSV_INVALID_ADDRESS', 'EmailAddress is empty', { range: at(line), hint: 'Every row needs the primary SMTP address of an on-premises mailbox.' }));
      return;
    }
    if (!isValidSmtpAddress(email)) {
      diagnostics.push(error('CSV_INVALID_ADDRESS', `${quoteValue(email)} is not a valid SMTP address${hasControlCharacter(email) ? ' (it holds a control character)' : ''}`, {
        range: at(line), hint: 'Use the primary SMTP address of the on-premises mailbox, e.g. pilar.pinilla@contoso.com.' }));
      return;
    }
    let forceChange: boolean | undefined;
    const force = forceIdx === undefined ? '' : (cells[forceIdx] ?? '').trim();
    if (force !== '') {
      if (!BOOL.test(force)) {
        diagnostics.push(error('CSV_INVALID_FORCE_CHANGE', `ForceChangePassword must be True or False (got "${force.length > 40 ? `${force.slice(0, 37)}...` : force}") for "${email}"`, {
          range: at(line), address: userAddress(email), hint: 'Write True or False (any case), or leave the value empty.' }));
      } else {
        forceChange = force.toLowerCase() === 'true';
        if (forceChange && opts.sso) {
          diagnostics.push(error('CSV_SSO_FORCE_CHANGE', `ForceChangePassword is True for "${email}" but the plan sets sso: true`, {
            range: at(line), address: userAddress(email),
            detail: 'With AD FS single sign-on (federated domains) users cannot change their cloud password.',
            hint: 'Set ForceChangePassword to False (or leave it empty) for every row, or set `sso: false` if the domain is not federated.' }));
        }
      }
    }
    if (passwords) {
      const password = cells[passIdx!] ?? '';
      passwords.push(password === '' ? undefined : new Sensitive(password));
    }
    forces?.push(forceChange);
    keep(email, line);
  };
  const result = () => {
    if (tooManyAt !== undefined) {
      return {
        rows: NO_ROWS,
        diagnostics: [error('CSV_TOO_MANY_ROWS', `The CSV file has ${count(rows)} rows; a batch holds at most 2,000`, {
          range: at(tooManyAt), hint: 'Split the file into two or more batches of at most 2,000 rows each.' })],
      };
    }
    const n = kept;
    const columns: UserColumns = { emails, keys: keys ?? emails, lines: lines.subarray(0, n), hashes: hashes.subarray(0, n) };
    if (reread) {
      let again: UserColumns | undefined;
      const full = () => (again ??= reread());
      columns.emails = lazyList(n, () => full().emails);
      columns.keys = ownKeys ? columns.emails : lazyList(n, () => full().keys);
    }
    if (passwords) columns.passwords = passwords;
    if (forces) columns.forceChangePassword = forces;
    return { rows: columns, diagnostics };
  };
  return { add, result };
}
