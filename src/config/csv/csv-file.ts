// One staged-migration CSV file: bytes → text → records → header → users, with diagnostics.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import { FileReadError, MAX_BYTES, readRegularFile, sha256Hex } from '../../files/index.js';
import type { UserColumns } from '../../model/index.js';
import { forEachCsvRecord } from './csv-records.js';
import { readHeader } from './csv-header.js';
import { NO_ROWS, rowReader, type RowReader } from './csv-rows.js';
import { decodeText } from '../text/text-decode.js';

export interface CsvFileResult {
  /** The good rows, as columns (usersFromColumns makes objects of them). */
  rows: UserColumns;
  diagnostics: Diagnostic[];
}

/** The shortest row a file can hold (a@b.cd and a line break): bytes / this bounds the number of rows. */
const MIN_ROW_BYTES = 7;

export interface CsvOptions {
  /** Path shown in diagnostics. */
  file: string;
  sso: boolean;
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl < 0 ? undefined : nl).replace(/\r$/, '');
}

/**
 * Validates CSV bytes as the migration service would, and returns the users' rows in file order. `lazy`:
 * the addresses are not kept but read again from the bytes when first asked for (rowReader's `reread`).
 */
export function checkCsvBytes(bytes: Uint8Array, opts: CsvOptions, lazy = false): CsvFileResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { rows: NO_ROWS, diagnostics: [error('CSV_ENCODING', decoded.reason, { range: { file: opts.file, start: { line: 1, col: 1 } }, hint: decoded.hint })] };
  const expectedRows = Math.ceil(bytes.length / MIN_ROW_BYTES);
  // The bytes are kept, not the text: 100 files' text would be 5 MB of strings for the garbage collector
  // to copy. Decoding them again gives the same text.
  const reread = (): UserColumns => {
    const again = decodeText(bytes);
    return checkCsvText(again.ok ? again.text : '', opts, expectedRows).rows;
  };
  return checkCsvText(decoded.text, opts, expectedRows, lazy ? reread : undefined);
}

function checkCsvText(text: string, opts: CsvOptions, expectedRows: number, reread?: () => UserColumns): CsvFileResult {
  const { file } = opts;
  const at = (line: number) => ({ file, start: { line, col: 1 } });
  // Records are read one at a time: the first is the header, the rest go straight to the row reader.
  let head: ReturnType<typeof readHeader> | undefined;
  let headerLine = 1;
  let rows: RowReader | undefined;
  let rowCount = 0;
  const syntaxError = forEachCsvRecord(text, (cells, line) => {
    if (head === undefined) {
      headerLine = line;
      head = readHeader({ cells, line }, file, lineText(text, line));
      if (!head.layout) return false;
      rows = rowReader(head.layout, opts, expectedRows, reread);
      return true;
    }
    rowCount++;
    rows!.add(cells, line);
    return true;
  });
  const diagnostics: Diagnostic[] = [];
  if (syntaxError) {
    diagnostics.push(error('CSV_SYNTAX', `CSV syntax: ${syntaxError.message}`, {
      range: at(syntaxError.line),
      hint: 'Quote values that contain commas or quotes ("like ""this"""), and close every opening quote.',
    }));
  }
  if (!head) {
    if (!syntaxError) diagnostics.push(error('CSV_EMPTY', 'The CSV file is empty', { range: at(1), hint: 'Add the header line `EmailAddress` and one row per mailbox.' }));
    return { rows: NO_ROWS, diagnostics };
  }
  diagnostics.push(...head.diagnostics);
  if (!head.layout || !rows) return { rows: NO_ROWS, diagnostics };
  if (rowCount === 0 && !syntaxError) {
    diagnostics.push(error('CSV_EMPTY', 'The CSV file has a header but no mailboxes', { range: at(headerLine), hint: 'Add one row per mailbox, or remove the batch.' }));
  }
  const body = rows.result();
  diagnostics.push(...body.diagnostics);
  return { rows: body.rows, diagnostics };
}

export type CsvReadResult = ({ ok: true; sha256?: string } & CsvFileResult) | { ok: false; reason: string };

/**
 * Reads and validates one CSV file, its addresses lazily (see checkCsvBytes); `ok: false` when the file
 * cannot be read at all. `digest`: with the sha256 of the bytes read.
 */
export function loadCsvFile(absPath: string, opts: CsvOptions, digest = false): CsvReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(absPath, MAX_BYTES.csv);
  } catch (err) {
    if (err instanceof FileReadError) return { ok: false, reason: err.reason };
    throw err;
  }
  return { ok: true, ...checkCsvBytes(bytes, opts, true), ...(digest ? { sha256: sha256Hex(bytes) } : {}) };
}
