// Data rows → DesiredUser values, each problem reported as file:line with the offending value
// (never the password).
// Must not: contact the service, print, or put a password in a diagnostic (it is wrapped in Sensitive as it is read).
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import type { DesiredUser } from '../../model/index.js';
import { count, Sensitive, userAddress } from '../../model/index.js';
import type { CsvLayout } from './csv-header.js';
import { MAX_CSV_ROWS } from '../raw-plan.js';
import { isValidSmtpAddress } from '../text/smtp-address.js';
import { emailKey } from '../../model/email-key.js';
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
  /** The users and the problems of the rows added. */
  result(): { users: DesiredUser[]; diagnostics: Diagnostic[] };
}

/** Reads data rows one at a time: no array of rows is needed (a plain file is read straight from its lines). */
export function rowReader(layout: CsvLayout, opts: RowOptions): RowReader {
  const { file } = opts;
  const users: DesiredUser[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (line: number) => ({ file, start: { line, col: 1 } });
  const { EmailAddress: emailIdx = 0, Password: passIdx, ForceChangePassword: forceIdx } = layout.index;
  let rows = 0;
  let tooManyAt: number | undefined;
  let capped = false;
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
    const user: DesiredUser = { email, key: emailKey(email), line };
    const password = passIdx === undefined ? '' : (cells[passIdx] ?? '');
    if (password !== '') user.password = new Sensitive(password);
    const force = forceIdx === undefined ? '' : (cells[forceIdx] ?? '').trim();
    if (force !== '') {
      if (!BOOL.test(force)) {
        diagnostics.push(error('CSV_INVALID_FORCE_CHANGE', `ForceChangePassword must be True or False (got "${force.length > 40 ? `${force.slice(0, 37)}...` : force}") for "${email}"`, {
          range: at(line), address: userAddress(email), hint: 'Write True or False (any case), or leave the value empty.' }));
      } else {
        user.forceChangePassword = force.toLowerCase() === 'true';
        if (user.forceChangePassword && opts.sso) {
          diagnostics.push(error('CSV_SSO_FORCE_CHANGE', `ForceChangePassword is True for "${email}" but the plan sets sso: true`, {
            range: at(line), address: userAddress(email),
            detail: 'With AD FS single sign-on (federated domains) users cannot change their cloud password.',
            hint: 'Set ForceChangePassword to False (or leave it empty) for every row, or set `sso: false` if the domain is not federated.' }));
        }
      }
    }
    users.push(user);
  };
  const result = () => (tooManyAt === undefined ? { users, diagnostics } : {
    users: [],
    diagnostics: [error('CSV_TOO_MANY_ROWS', `The CSV file has ${count(rows)} rows; a batch holds at most 2,000`, {
      range: at(tooManyAt), hint: 'Split the file into two or more batches of at most 2,000 rows each.' })],
  });
  return { add, result };
}
