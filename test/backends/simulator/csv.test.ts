import { describe, expect, it } from 'vitest';
import { parseServiceCsv } from '../../../src/backends/simulator/csv-service.js';
import { SERVICE_TEXTS as T } from '../../../src/backends/simulator/index.js';
import { CmdletError } from '../../../src/backends/simulator/params.js';

const parse = (text: string | Uint8Array, allowUnknownColumns = false) =>
  parseServiceCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, { allowUnknownColumns });

const failure = (text: string | Uint8Array, allow = false): string => {
  try {
    parse(text, allow);
  } catch (err) {
    expect(err).toBeInstanceOf(CmdletError);
    return (err as Error).message;
  }
  throw new Error('expected the CSV to be refused');
};

const SAMPLE = 'EmailAddress,Password,ForceChangePassword\r\npilarp@contoso.com,Pa$$w0rd,False\r\nbob@contoso.com,,\r\n';

describe('staged CSV as the service reads it', () => {
  it('reads the documented sample', () => {
    expect(parse(SAMPLE)).toEqual([
      { row: 2, email: 'pilarp@contoso.com', hasPassword: true, forceChangePassword: false },
      { row: 3, email: 'bob@contoso.com', hasPassword: false },
    ]);
  });

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('EmailAddress\nzoë@contoso.com\n')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('EmailAddress\nzoë@contoso.com\n', 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('EmailAddress\nzoë@contoso.com\n', 'utf16le').swap16()])],
    ['UTF-8 without BOM', Buffer.from('EmailAddress\nzoë@contoso.com\n')],
  ])('decodes %s', (_label, bytes) => {
    expect(parse(bytes).map((r) => r.email)).toEqual(['zoë@contoso.com']);
  });

  it('matches header names case-insensitively and reads quoted fields', () => {
    const rows = parse('"emailaddress","PASSWORD","forcechangepassword"\n"a@contoso.com","pa,ss""word","TRUE"\n');
    expect(rows).toEqual([{ row: 2, email: 'a@contoso.com', hasPassword: true, forceChangePassword: true }]);
  });

  it('requires the EmailAddress column', () => {
    expect(failure('Mail,Password\na@contoso.com,x\n')).toBe(T.csvMissingColumn('EmailAddress'));
  });

  it('sees a semicolon-separated header as one column, so EmailAddress is missing', () => {
    expect(failure('EmailAddress;Password\na@contoso.com;x\n')).toBe(T.csvMissingColumn('EmailAddress'));
  });

  it('rejects unknown columns with the exact text, unless they are allowed', () => {
    const text = 'EmailAddress,Department,Office\na@contoso.com,x,y\n';
    expect(failure(text)).toBe(
      'The CSV file contains one or more unrecognizable columns. Please remove these columns and re-submit the file. Unknown columns: Department, Office',
    );
    expect(parse(text, true)).toHaveLength(1);
  });

  it('refuses what the config layer cannot decode either: bytes that are not UTF-8, an unclosed quote', () => {
    expect(failure(Buffer.from([0x45, 0x6d, 0x61, 0x69, 0x6c, 0x41, 0x64, 0x64, 0x72, 0x65, 0x73, 0x73, 0x0a, 0xe9, 0x40, 0x78, 0x0a]))).toMatch(/^The CSV file can't be read: The file is not valid UTF-8/);
    expect(failure('EmailAddress\n"a@contoso.com\n')).toMatch(/^The CSV file can't be read: line 2: /);
  });

  it('rejects a repeated column', () => {
    expect(failure('EmailAddress,emailaddress\na@contoso.com,b@contoso.com\n')).toBe(T.csvDuplicatedColumn('emailaddress'));
  });

  it('rejects an empty file and a header without rows', () => {
    const empty = "The CSV file doesn't contain any data. Please edit the file and re-submit it.";
    expect(failure('')).toBe(empty);
    expect(failure('EmailAddress\r\n')).toBe(empty);
  });

  it('accepts 2,000 rows and refuses 2,001', () => {
    const rows = (n: number) => `EmailAddress\n${Array.from({ length: n }, (_, i) => `u${i}@contoso.com`).join('\n')}\n`;
    expect(parse(rows(2000))).toHaveLength(2000);
    expect(failure(rows(2001))).toBe(
      'The CSV file contains more than 2,000 rows. Please divide the file into two or more files and submit them separately.',
    );
  });

  it('refuses a row with the wrong number of columns, naming the row', () => {
    expect(failure('EmailAddress,Password\na@contoso.com,x\nb@contoso.com\n')).toBe(
      'Row 3 has the wrong number of columns. Expected number: 2. Actual number: 1. Please edit this row and re-submit the file.',
    );
  });

  it('ignores blank lines and accepts LF, CRLF and spaces around headers', () => {
    expect(parse(' EmailAddress , Password\n\na@contoso.com,x\r\n\r\nb@contoso.com , \n').map((r) => [r.row, r.email])).toEqual([
      [3, 'a@contoso.com'],
      [5, 'b@contoso.com'],
    ]);
  });

  it('turns row problems into warnings instead of failing', () => {
    const rows = parse('EmailAddress,ForceChangePassword\n,False\nnot-an-address,False\nc@contoso.com,maybe\nd@contoso.com,\nD@contoso.com,\n');
    expect(rows.map((r) => r.problem)).toEqual([
      'A value is missing in column "EmailAddress".',
      "The address 'not-an-address' is not a valid SMTP address.",
      "The property value 'maybe' is invalid. The valid values are: true, false",
      undefined,
      'The user "D@contoso.com" is listed in this CSV file more than once.',
    ]);
  });

  it('refuses files over 10 MB', () => {
    expect(failure(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41))).toBe('The CSV file is too large. Please submit a smaller file.');
  });
});
