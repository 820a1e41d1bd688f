// The plain-CSV fast path gives exactly what csv-parse gives (records, cells and line numbers) for
// every file it accepts, and declines every file it might read differently.
import { describe, expect, it } from 'vitest';
import { plainCsvRecords } from '../../src/config/csv/csv-plain.js';
import { checkCsvBytes } from '../../src/config/csv/csv-file.js';
import { parseCsvRecords, parsedCsvRecords } from '../../src/config/csv/csv-records.js';

/** A small deterministic generator (no flaky seeds). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['a', 'b@x.com', ',', ',', ' ', '  ', '\t', '\u00a0', '\u2003', 'Ü', '😀', '\n', '\n', '\r\n', '\r\n', '\r', '"', '\f', '\uD800', 'EmailAddress', 'True', '\v', '\u2028'];

function randomText(next: () => number, plainOnly: boolean): string {
  const eol = ['\n', '\r\n', '\r'][Math.floor(next() * 3)]!;
  const pieces = plainOnly ? PIECES.filter((p) => !/["\f\r\n\uD800]/.test(p)) : PIECES;
  let out = '';
  const n = Math.floor(next() * 30);
  for (let i = 0; i < n; i++) out += plainOnly && next() < 0.15 ? eol : pieces[Math.floor(next() * pieces.length)];
  return out;
}

describe('plain CSV fast path', () => {
  it('reads staged-migration files like csv-parse: CRLF, LF, CR, blank lines, padded and empty values, no final break', () => {
    const samples = [
      'EmailAddress\r\na@x.com\r\nb@x.com\r\n',
      'EmailAddress,Password,ForceChangePassword\n a@x.com , secret ,True\n\n   \n\t\nb@x.com,,false\n,,\n',
      'EmailAddress\ra@x.com\r\rb@x.com',
      'EmailAddress\n\u00a0\na@x.com\u00a0\u2003\n \u00a0b@x.com',
      '', '   ', '\n\n', 'EmailAddress', 'a,b,c\n1,2\n3,4,5,6\n',
    ];
    for (const text of samples) {
      const plain = plainCsvRecords(text);
      expect(plain, JSON.stringify(text)).toBeDefined();
      expect(parseCsvRecords(text), JSON.stringify(text)).toEqual(parsedCsvRecords(text));
    }
  });

  it('declines quotes, mixed line breaks, form feeds and unpaired surrogates (csv-parse reads those)', () => {
    for (const text of ['"a@x.com"\n', 'a\r\nb\nc\r\n', 'a\nb\rc', 'a\r\nb\r', 'a\n\fb\n', 'a\uD800\n', 'a,"b,c"\r\n']) {
      expect(plainCsvRecords(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('agrees with csv-parse on 20,000 generated files, plain or not', () => {
    const next = rng(13);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(next, i % 2 === 0);
      const plain = plainCsvRecords(text);
      if (plain === undefined) continue;
      accepted++;
      const parsed = parsedCsvRecords(text);
      expect(parsed.syntaxError, JSON.stringify(text)).toBeUndefined();
      expect(plain, JSON.stringify(text)).toEqual(parsed.records);
    }
    expect(accepted).toBeGreaterThan(10_000);
  });

  it('gives the same users and problems as the csv-parse path for whole files: one column or three, bad rows, over 100 problems, over 2,000 rows', () => {
    const next = rng(29);
    const cell = (): string => ['a@x.com', 'B@X.com', ' c@x.com ', 'not-an-address', '', 'd@x..com', 'True', 'false', 'maybe', 'p4ss'][Math.floor(next() * 10)]!;
    const files: string[] = [];
    for (const [rows, width, good] of [[5, 1, 0.7], [40, 3, 0.7], [400, 1, 0.1], [2300, 1, 0.9], [2300, 3, 0.9], [300, 2, 0.7]] as const) {
      for (const eol of ['\n', '\r\n']) {
        const header = ['EmailAddress', 'Password', 'ForceChangePassword'].slice(0, width).join(',');
        const body = Array.from({ length: rows }, (_, i) => (next() < 0.02 ? '' : width === 1 ? (next() < good ? `u${i}@x.com` : cell()) : [next() < good ? `u${i}@x.com` : cell(), cell(), cell()].slice(0, next() < 0.05 ? width - 1 : width).join(',')));
        files.push([header, ...body].join(eol) + eol);
      }
    }
    const codes = new Set<string>();
    for (const text of files) {
      // Quoting the header's first name makes the file not plain; csv-parse reads the same records.
      const quoted = text.replace(/^EmailAddress/, '"EmailAddress"');
      expect(plainCsvRecords(text)).toBeDefined();
      expect(plainCsvRecords(quoted)).toBeUndefined();
      const opts = { file: 'b.csv', sso: true };
      const viaPlain = checkCsvBytes(Buffer.from(text), opts);
      expect(viaPlain.rows.emails.length + viaPlain.diagnostics.length).toBeGreaterThan(0);
      expect(viaPlain).toEqual(checkCsvBytes(Buffer.from(quoted), opts));
      for (const d of viaPlain.diagnostics) codes.add(d.summary.startsWith('More problems') ? 'capped' : d.code);
    }
    expect([...codes].sort()).toEqual(['CSV_COLUMN_COUNT', 'CSV_INVALID_ADDRESS', 'CSV_INVALID_FORCE_CHANGE', 'CSV_SSO_FORCE_CHANGE', 'CSV_TOO_MANY_ROWS', 'capped']);
  });
});

