import { describe, expect, it } from 'vitest';
import { checkCsvBytes, loadPlan } from '../../src/config/index.js';
import { usersFromColumns } from '../../src/model/index.js';
import { planYaml, tempDir } from './helpers.js';

const opts = { file: 'x.csv', sso: false };
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const CONTENT = 'EmailAddress,Password,ForceChangePassword\r\nzoë.müller@contoso.com,Wëlcome-2026!x,True\r\n"søren@contoso.com","a,b",false\r\n';

function emails(bytes: Uint8Array): Array<[string, number, boolean | undefined]> {
  const r = checkCsvBytes(bytes, opts);
  expect(r.diagnostics).toEqual([]);
  return usersFromColumns(r.rows).map((u) => [u.email, u.line, u.forceChangePassword]);
}

const EXPECTED = [
  ['zoë.müller@contoso.com', 2, true],
  ['søren@contoso.com', 3, false],
];

describe('CSV encodings and layouts that admins really produce', () => {
  it('reads UTF-8 without and with BOM', () => {
    expect(emails(utf8(CONTENT))).toEqual(EXPECTED);
    expect(emails(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(CONTENT)]))).toEqual(EXPECTED);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONTENT, 'utf16le')]);
    expect(emails(le)).toEqual(EXPECTED);
    const be = Buffer.from(Buffer.from(CONTENT, 'utf16le')).swap16();
    expect(emails(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(EXPECTED);
    const r = checkCsvBytes(le, opts);
    const users = usersFromColumns(r.rows);
    expect(users[0]?.password?.reveal()).toBe('Wëlcome-2026!x');
    expect(users[1]?.password?.reveal()).toBe('a,b');
  });

  it('reads quoted headers in any case, stray spaces, LF or CR line ends, and blank lines', () => {
    const text = ' "EMAILADDRESS" ,  forceChangePassword \n\n  a@contoso.com  , " TRUE "\n\nb@contoso.com,\n';
    expect(emails(utf8(text))).toEqual([
      ['a@contoso.com', 3, true],
      ['b@contoso.com', 5, undefined],
    ]);
    expect(emails(utf8('" EmailAddress "\n" c@contoso.com "\n'))).toEqual([['c@contoso.com', 2, undefined]]);
    expect(emails(utf8('EmailAddress\ra@contoso.com\r\rb@contoso.com\r'))).toEqual([
      ['a@contoso.com', 2, undefined],
      ['b@contoso.com', 4, undefined],
    ]);
  });

  it('accepts ForceChangePassword true/false in any case with surrounding spaces', () => {
    const text = 'EmailAddress,ForceChangePassword\na@contoso.com,  tRuE \nb@contoso.com,FALSE\n';
    expect(emails(utf8(text)).map(([, , f]) => f)).toEqual([true, false]);
  });

  it('counts lines of quoted values that span lines', () => {
    const text = 'EmailAddress,Password\na@contoso.com,"two\r\nlines"\nb@contoso.com,x\n';
    expect(emails(utf8(text))).toEqual([
      ['a@contoso.com', 2, undefined],
      ['b@contoso.com', 4, undefined],
    ]);
  });

  it('rejects legacy code pages and UTF-16 without BOM', () => {
    const latin1 = Buffer.from('EmailAddress\njos\xe9@contoso.com\n', 'latin1');
    expect(checkCsvBytes(latin1, opts).diagnostics.map((d) => d.code)).toEqual(['CSV_ENCODING']);
    const noBom = Buffer.from('EmailAddress\n', 'utf16le');
    const [d] = checkCsvBytes(noBom, opts).diagnostics;
    expect(d?.summary).toMatch(/UTF-16 without a byte-order mark/);
  });

  it('reports a tab-separated file and a repeated column', () => {
    expect(checkCsvBytes(utf8('EmailAddress\tPassword\na@contoso.com\tx\n'), opts).diagnostics.map((d) => d.summary)).toEqual([
      'The CSV file is separated by tabs; the migration service only accepts commas',
    ]);
    expect(checkCsvBytes(utf8('EmailAddress,emailaddress\na@contoso.com,b@contoso.com\n'), opts).diagnostics.map((d) => d.code)).toEqual([
      'CSV_DUPLICATE_COLUMN',
    ]);
  });

  it('allows 2,000 rows and rejects 2,001 at the first row too many', () => {
    const rows = (n: number) => `EmailAddress\n${Array.from({ length: n }, (_, i) => `user${i}@contoso.com`).join('\n')}\n`;
    expect(checkCsvBytes(utf8(rows(2000)), opts).diagnostics).toEqual([]);
    const over = checkCsvBytes(utf8(rows(2001)), opts).diagnostics;
    expect(over.map((d) => [d.code, d.range?.start.line, d.summary])).toEqual([
      ['CSV_TOO_MANY_ROWS', 2002, 'The CSV file has 2,001 rows; a batch holds at most 2,000'],
    ]);
  });

  it('accepts internationalised addresses and rejects malformed ones', () => {
    const good = ['zoë.müller@contoso.com', 'o\'brien+tag@contoso.com', 'user@sub.müller.de', 'UPPER@CONTOSO.COM'];
    const bad = ['plain', '@contoso.com', 'a@b', 'a..b@contoso.com', '.a@contoso.com', 'a b@contoso.com', 'a@contoso..com', 'a@-contoso.com', 'a@contoso.123'];
    const text = `EmailAddress\n${[...good, ...bad].join('\n')}\n`;
    const r = checkCsvBytes(utf8(text), opts);
    expect(r.rows.emails).toEqual(good);
    expect(r.diagnostics.map((d) => d.summary)).toEqual(bad.map((b) => `"${b}" is not a valid SMTP address`));
  });

  it('reports a CSV with UTF-16 content through loadPlan as file:line in that file', async () => {
    const csv = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('EmailAddress\r\nok@contoso.com\r\nnot valid\r\n', 'utf16le')]);
    const dir = tempDir({ 'p.yaml': planYaml({ A: 'lists/a.csv' }), 'lists/a.csv': csv });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.range?.file, d.range?.start.line])).toEqual([['CSV_INVALID_ADDRESS', 'lists/a.csv', 3]]);
  });
});
