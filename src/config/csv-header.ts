// The header row of a staged-migration CSV: EmailAddress (required), Password, ForceChangePassword;
// names in any case; the service rejects unknown and repeated columns (facts file §7.2, §8.3).
import type { Diagnostic } from '../diag/index.js';
import { error } from '../diag/index.js';
import { didYouMean } from './did-you-mean.js';
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
  const at = (code: Diagnostic['code'], summary: string, hint: string, detail?: string): Diagnostic =>
    error(code, summary, { range, excerpt, hint, ...(detail ? { detail } : {}) });
  const cells = header.cells;
  if (cells.some((c) => c.includes(';') && c.split(';').some((p) => BY_LOWER.has(p.trim().toLowerCase())))) {
    return { diagnostics: [at('CSV_SEMICOLON', 'The CSV file is separated by semicolons (;); the migration service only accepts commas',
      'Save the file with commas as separators (Excel uses ";" when the Windows list separator is ";"; use "CSV UTF-8 (Comma delimited)" or Export-Csv in PowerShell).')] };
  }
  if (cells.length === 1 && (cells[0] ?? '').includes('\t')) {
    return { diagnostics: [at('CSV_SYNTAX', 'The CSV file is separated by tabs; the migration service only accepts commas', 'Save the file with commas as separators.')] };
  }
  const lower = cells.map((c) => c.toLowerCase());
  if (!lower.includes('emailaddress') && cells.some((c) => c.includes('@'))) {
    return { diagnostics: [at('CSV_MISSING_HEADER', 'The CSV file has no header row: the first line is a mailbox',
      `Add a header line such as \`EmailAddress\` or \`${HEADER_EXAMPLE}\` as the first line.`)] };
  }
  const diagnostics: Diagnostic[] = [];
  const index: CsvLayout['index'] = {};
  cells.forEach((cell, i) => {
    const col = BY_LOWER.get(cell.toLowerCase());
    if (col === undefined) {
      const summary = cell === ''
        ? `Column ${i + 1} of the header has no name`
        : `Unknown column "${cell}" in the CSV header`;
      diagnostics.push(at('CSV_UNKNOWN_COLUMN', summary, didYouMean(cell, CSV_COLUMNS) ?? `Remove the column; the allowed columns are ${CSV_COLUMNS.join(', ')}.`,
        'The migration service rejects CSV files with unrecognised columns.'));
    } else if (index[col] !== undefined) {
      diagnostics.push(at('CSV_DUPLICATE_COLUMN', `Column "${col}" appears more than once in the CSV header`, 'Remove the repeated column.'));
    } else {
      index[col] = i;
    }
  });
  if (index.EmailAddress === undefined) {
    diagnostics.push(at('CSV_MISSING_HEADER', 'Column "EmailAddress" is missing from the CSV header',
      `The first line must name the columns, e.g. \`${HEADER_EXAMPLE}\`; EmailAddress is required.`));
    return { diagnostics };
  }
  return { layout: { index, width: cells.length }, diagnostics };
}
