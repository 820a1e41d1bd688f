// The header row of a staged-migration CSV: EmailAddress (required), Password, ForceChangePassword;
// names in any case; the service rejects unknown and repeated columns (facts file §7.2, §8.3).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { CsvRecord } from './csv-records.js';

export const CSV_COLUMNS = ['EmailAddress', 'Password', 'ForceChangePassword'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvLayout {
  /** Cell index of each known column. */
  index: Partial<Record<CsvColumn, number>>;
  width: number;
}

const BY_LOWER = new Map<string, CsvColumn>(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
const HEADER_EXAMPLE = 'EmailAddress,Password,ForceChangePassword';

/** Reads the header; `layout` is undefined when rows cannot be interpreted. */
export function readHeader(header: CsvRecord, file: string, excerpt: string): { layout?: CsvLayout; diagnostics: Diagnostic[] } {
  const range = { file, start: { line: header.line, col: 1 } };
  const cells = header.cells.map((c) => c.trim());
  const known = cells.filter((c) => BY_LOWER.has(c.toLowerCase())).length;
  const nearMisses = cells.map((c) => (BY_LOWER.has(c.toLowerCase()) ? undefined : didYouMean(c, CSV_COLUMNS)));
  // Only a line that really is a header is echoed: a data row in its place may hold a password.
  const isHeader = known > 0 || nearMisses.some((m) => m !== undefined) || cells.some((c) => /[;\t]/.test(c));
  const at = (code: Diagnostic['code'], summary: string, hint: string, detail?: string): Diagnostic =>
    error(code, summary, { range, hint, ...(isHeader ? { excerpt } : {}), ...(detail ? { detail } : {}) });
  if (cells.some((c) => c.includes(';') && c.split(';').some((p) => BY_LOWER.has(p.trim().toLowerCase())))) {
    return { diagnostics: [at('CSV_SEMICOLON', 'The CSV file is separated by semicolons (;); the migration service only accepts commas',
      'Save the file with commas as separators (Excel uses ";" when the Windows list separator is ";"; use "CSV UTF-8 (Comma delimited)" or Export-Csv in PowerShell).')] };
  }
  if (cells.length === 1 && (cells[0] ?? '').includes('\t')) {
    return { diagnostics: [at('CSV_SYNTAX', 'The CSV file is separated by tabs; the migration service only accepts commas', 'Save the file with commas as separators.')] };
  }
  if (!isHeader) {
    const what = cells.some((c) => c.includes('@')) ? 'the first line is a mailbox' : 'the first line names none of the columns EmailAddress, Password, ForceChangePassword';
    return { diagnostics: [at('CSV_MISSING_HEADER', `The CSV file has no header row: ${what}`,
      `Add a header line such as \`EmailAddress\` or \`${HEADER_EXAMPLE}\` as the first line.`)] };
  }
  const diagnostics: Diagnostic[] = [];
  const index: CsvLayout['index'] = {};
  cells.forEach((cell, i) => {
    const col = BY_LOWER.get(cell.toLowerCase());
    if (col === undefined) {
      const summary = cell === '' ? `Column ${i + 1} of the header has no name` : `Unknown column "${cell}" in the CSV header`;
      diagnostics.push(at('CSV_UNKNOWN_COLUMN', summary, nearMisses[i] ?? `Remove the column; the allowed columns are ${CSV_COLUMNS.join(', ')}.`,
        'The migration service rejects CSV files with unrecognised columns.'));
    } else if (index[col] !== undefined) {
      diagnostics.push(at('CSV_DUPLICATE_COLUMN', `Column "${col}" appears more than once in the CSV header`, 'Remove the repeated column.'));
    } else {
      index[col] = i;
    }
  });
  if (index.EmailAddress === undefined) {
    diagnostics.push(at('CSV_MISSING_HEADER', 'Column "EmailAddress" is missing from the CSV header',
      `Name the column that holds the mailbox addresses \`EmailAddress\`, e.g. \`${HEADER_EXAMPLE}\`.`));
    return { diagnostics };
  }
  return { layout: { index, width: cells.length }, diagnostics };
}
