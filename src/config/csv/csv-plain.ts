// The plain case of a staged-migration CSV, read without a CSV parser: no quote character, one kind of
// line break throughout, nothing but spaces and tabs as leading blanks. It gives exactly the records and
// line numbers csv-records.ts gets from csv-parse with its options (blank lines skipped, leading spaces
// and tabs and trailing white space trimmed from each field), only faster: a file of 2,000 addresses
// is split, not tokenised, and its records are handed over one at a time without an object each.
// Anything else (quotes, mixed line breaks, a form feed, unpaired surrogates) is declined and goes to
// csv-parse. Must not: accept a file csv-parse would read differently (test/config/csv-plain.test.ts
// compares the two on generated files).
import type { CsvRecord } from './csv-records.js';

const QUOTE = '"';
const FORM_FEED = '\f';
/** A lone half of a surrogate pair (csv-parse, reading UTF-8 bytes, would see U+FFFD there). */
const LONE_SURROGATE = /\p{Cs}/u;

/** A CR not starting a CRLF, or an LF not ending one. */
const LONE_BREAK = /\r(?!\n)|(?<!\r)\n/;

/** The one line break of the file, found as csv-parse finds it (the first CR or LF); undefined when mixed. */
function lineBreak(text: string): string | undefined {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr < 0) return '\n'; // LF only, or a single line
  if (lf < 0) return '\r';
  if (lf !== cr + 1) return undefined; // a lone CR and an LF: mixed
  // CRLF: every CR must start a CRLF and every LF end one (one scan of the text).
  return LONE_BREAK.test(text) ? undefined : '\r\n';
}

const isBlankChar = (c: number): boolean => c === 0x20 || c === 0x09;

/** Leading spaces and tabs off, then trailing white space (csv-parse's ltrim and rtrim of an unquoted field). */
function trimCell(cell: string): string {
  if (cell === '') return cell;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  // Fast exit: a printable ASCII character at both ends needs no trimming.
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return cell;
  let start = 0;
  while (start < cell.length && isBlankChar(cell.charCodeAt(start))) start++;
  return cell.slice(start).trimEnd();
}

/**
 * Calls `each(cells, line)` for every record of a plain CSV (rows of empty values left out, as
 * csv-records does) and returns true; returns false, calling nothing, when the text is not plain.
 * No object is made per record: `cells` is a scratch array the next call overwrites (copy it to keep
 * it), and a file without a comma (one column) reuses one array for every row, unless `fresh` asks for
 * an array per record. `each` returns false to stop.
 */
export function forEachPlainRecord(text: string, each: (cells: string[], line: number) => boolean | void, fresh = false): boolean {
  if (text.includes(QUOTE) || text.includes(FORM_FEED) || LONE_SURROGATE.test(text)) return false;
  const eol = lineBreak(text);
  if (eol === undefined) return false;
  const lines = text.split(eol);
  const oneColumn = !text.includes(',');
  const single: string[] = [''];
  for (let i = 0; i < lines.length; i++) {
    // A blank line gives only empty values, left out like csv-parse's skipped blank lines.
    let cells: string[];
    let empty = true;
    if (oneColumn) {
      const cell = trimCell(lines[i]!);
      if (fresh) cells = [cell];
      else {
        cells = single;
        cells[0] = cell;
      }
      empty = cell === '';
    } else {
      cells = lines[i]!.split(',');
      for (let c = 0; c < cells.length; c++) {
        const cell = trimCell(cells[c]!);
        cells[c] = cell;
        if (cell !== '') empty = false;
      }
    }
    if (!empty && each(cells, i + 1) === false) break;
  }
  return true;
}

/** Records of a plain CSV (each with its own cells), or undefined when it is not plain. */
export function plainCsvRecords(text: string): CsvRecord[] | undefined {
  const records: CsvRecord[] = [];
  return forEachPlainRecord(text, (cells, line) => void records.push({ cells, line }), true) ? records : undefined;
}
