// CSV text → records with their 1-based line numbers, via csv-parse. Blank lines are skipped;
// spaces around fields are trimmed; quoted fields, CRLF and ragged rows are accepted here and
// judged by the row rules.
import { parse } from 'csv-parse/sync';

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

interface RecordInfo {
  lines: number;
  empty_lines: number;
}

function errorLine(err: unknown): number {
  const lines = (err as { lines?: unknown }).lines;
  return typeof lines === 'number' && lines > 0 ? lines : 1;
}

function plainMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split(':')[0] ?? msg).trim() || 'Invalid CSV';
}

export function parseCsvRecords(text: string): CsvRecords {
  const skipped: CsvSyntaxError[] = [];
  let rows: Array<{ record: string[]; info: RecordInfo }>;
  try {
    rows = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) skipped.push({ line: errorLine(err), message: plainMessage(err) });
      },
    }) as unknown as Array<{ record: string[]; info: RecordInfo }>;
  } catch (err) {
    return { records: [], syntaxError: { line: errorLine(err), message: plainMessage(err) } };
  }
  const records: CsvRecord[] = [];
  let prevEnd = 0;
  let prevEmpty = 0;
  for (const { record, info } of rows) {
    const line = prevEnd + 1 + (info.empty_lines - prevEmpty);
    prevEnd = info.lines;
    prevEmpty = info.empty_lines;
    if (record.every((c) => c === '')) continue;
    records.push({ cells: record, line });
  }
  const syntaxError = skipped[0];
  if (!syntaxError) return { records };
  return { records: records.filter((r) => r.line < syntaxError.line), syntaxError };
}
