// CSV text → records with their 1-based line numbers, via csv-parse. Blank lines are skipped;
// spaces around fields are trimmed; quoted fields, CRLF and ragged rows are accepted here and
// judged by the row rules. Plain files (csv-plain.ts) are split without it, and csv-parse is
// loaded only for a file that needs it.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { createRequire } from 'node:module';
import { forEachPlainRecord, plainCsvRecords } from './csv-plain.js';

type Parse = typeof import('csv-parse/sync').parse;
let csvParse: Parse | undefined;
const parser = (): Parse => (csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: Parse }).parse);

export interface CsvRecord {
  cells: string[];
  /** Line where the record starts. */
  line: number;
}

export interface CsvSyntaxError {
  line: number;
  message: string;
}

export interface CsvRecords {
  records: CsvRecord[];
  /** The first syntax error (records after it are dropped: the parser's view of them is unreliable). */
  syntaxError?: CsvSyntaxError;
}

function newlineCount(cells: readonly string[], eol: string): number {
  let n = 0;
  for (const c of cells) {
    for (let i = c.indexOf(eol); i >= 0; i = c.indexOf(eol, i + 1)) n++;
  }
  return n;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0d && ch !== 0x0a) return false;
  }
  return true;
}

/**
 * Start line of each record. csv-parse's `info` option gives line numbers but doubles the parse
 * time (an object per record), so the lines are recovered in one pass instead: the parser skips
 * blank (whitespace-only) lines, and a record spans one line plus the line breaks quoted inside it.
 */
function recordLines(text: string, records: readonly string[][]): number[] {
  const eol = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  const lineEnd = (from: number): number => {
    const i = text.indexOf(eol, from);
    return i < 0 ? text.length : i + 1;
  };
  const starts: number[] = [];
  let line = 1;
  let pos = 0;
  for (const record of records) {
    for (let end = lineEnd(pos); pos < text.length && isBlank(text, pos, end); end = lineEnd(pos)) {
      pos = end;
      line++;
    }
    starts.push(line);
    const span = 1 + newlineCount(record, eol);
    for (let i = 0; i < span; i++) pos = lineEnd(pos);
    line += span;
  }
  return starts;
}

function errorLine(err: unknown): number {
  const lines = (err as { lines?: unknown }).lines;
  return typeof lines === 'number' && lines > 0 ? lines : 1;
}

function plainMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split(':')[0] ?? msg).trim() || 'Invalid CSV';
}

/**
 * Calls `each(cells, line)` for every record in file order, plain files without making records (see
 * forEachPlainRecord: `cells` may be reused by the next call); returns the first syntax error, after the
 * records before it. `each` returns false to stop.
 */
export function forEachCsvRecord(text: string, each: (cells: string[], line: number) => boolean | void): CsvSyntaxError | undefined {
  if (forEachPlainRecord(text, each)) return undefined;
  const { records, syntaxError } = parsedCsvRecords(text);
  for (const { cells, line } of records) if (each(cells, line) === false) break;
  return syntaxError;
}

export function parseCsvRecords(text: string): CsvRecords {
  const plain = plainCsvRecords(text);
  return plain ? { records: plain } : parsedCsvRecords(text);
}

/** The records as csv-parse reads them, for any file (the plain fast path must give the same). */
export function parsedCsvRecords(text: string): CsvRecords {
  const skipped: CsvSyntaxError[] = [];
  let rows: string[][];
  try {
    rows = parser()(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) skipped.push({ line: errorLine(err), message: plainMessage(err) });
      },
    }) as string[][];
  } catch (err) {
    return { records: [], syntaxError: { line: errorLine(err), message: plainMessage(err) } };
  }
  const lines = recordLines(text, rows);
  const records: CsvRecord[] = [];
  rows.forEach((cells, i) => {
    if (!cells.every((c) => c === '')) records.push({ cells, line: lines[i] ?? 1 });
  });
  const syntaxError = skipped[0];
  if (!syntaxError) return { records };
  return { records: records.filter((r) => r.line < syntaxError.line), syntaxError };
}
