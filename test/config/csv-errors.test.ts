import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import { FIXTURES } from './helpers.js';

const D = 'csv-errors/csv';

/** "file:line code summary" for every CSV diagnostic, in file/line order. */
async function csvProblems(): Promise<string[]> {
  const { desired, diagnostics } = await loadPlan('csv-errors/stagemig.yaml', { cwd: FIXTURES });
  expect(desired).toBeUndefined();
  const line = (d: Diagnostic) => `${d.range?.file}:${d.range?.start.line} ${d.code} ${d.summary}`;
  return diagnostics.map(line).sort();
}

describe('CSV rules: every problem as file:line with the offending value', () => {
  it('checks rows: address, ForceChangePassword, sso, column count, duplicates', async () => {
    const rows = (await csvProblems()).filter((l) => l.startsWith(`${D}/rows.csv`));
    expect(rows).toEqual([
      `${D}/rows.csv:3 CSV_INVALID_ADDRESS "not-an-address" is not a valid SMTP address`,
      `${D}/rows.csv:4 CSV_INVALID_ADDRESS EmailAddress is empty`,
      `${D}/rows.csv:5 CSV_INVALID_FORCE_CHANGE ForceChangePassword must be True or False (got "maybe") for "ok2@contoso.com"`,
      `${D}/rows.csv:6 CSV_SSO_FORCE_CHANGE ForceChangePassword is True for "ok3@contoso.com" but the plan sets sso: true`,
      `${D}/rows.csv:7 CSV_COLUMN_COUNT Row has 2 values but the header has 3 columns (row of "ok4@contoso.com")`,
      `${D}/rows.csv:8 CSV_COLUMN_COUNT Row has 4 values but the header has 3 columns (row of "ok5@contoso.com")`,
      `${D}/rows.csv:9 CSV_DUPLICATE "OK1@Contoso.com" is listed more than once in this CSV file (first at line 2)`,
    ]);
  });

  it('names the other file and line for a mailbox in two batches', async () => {
    expect((await csvProblems()).filter((l) => l.startsWith(`${D}/duplicates.csv`))).toEqual([
      `${D}/duplicates.csv:3 CSV_DUPLICATE "ok2@contoso.com" is already in batch \`A-Rows\` (${D}/rows.csv:5)`,
    ]);
  });

  it('checks the header row', async () => {
    const all = await csvProblems();
    const of = (f: string) => all.filter((l) => l.startsWith(`${D}/${f}:`));
    expect(of('no-header.csv')).toEqual([`${D}/no-header.csv:1 CSV_MISSING_HEADER The CSV file has no header row: the first line is a mailbox`]);
    expect(of('no-email-column.csv')).toEqual([
      `${D}/no-email-column.csv:1 CSV_MISSING_HEADER Column "EmailAddress" is missing from the CSV header`,
      `${D}/no-email-column.csv:1 CSV_UNKNOWN_COLUMN Unknown column "Mail" in the CSV header`,
    ]);
    expect(of('semicolon.csv')).toEqual([
      `${D}/semicolon.csv:1 CSV_SEMICOLON The CSV file is separated by semicolons (;); the migration service only accepts commas`,
    ]);
    expect(of('unknown-columns.csv')).toEqual([
      `${D}/unknown-columns.csv:1 CSV_MISSING_HEADER Column "EmailAddress" is missing from the CSV header`,
      `${D}/unknown-columns.csv:1 CSV_UNKNOWN_COLUMN Unknown column "Department" in the CSV header`,
      `${D}/unknown-columns.csv:1 CSV_UNKNOWN_COLUMN Unknown column "Email Address" in the CSV header`,
      `${D}/unknown-columns.csv:1 CSV_UNKNOWN_COLUMN Unknown column "Passwrd" in the CSV header`,
    ]);
  });

  it('reports empty files, header-only files and quoting errors', async () => {
    const all = await csvProblems();
    expect(all).toContain(`${D}/empty.csv:1 CSV_EMPTY The CSV file is empty`);
    expect(all).toContain(`${D}/header-only.csv:1 CSV_EMPTY The CSV file has a header but no mailboxes`);
    expect(all.filter((l) => l.includes('bad-quote'))).toEqual([`${D}/bad-quote.csv:3 CSV_SYNTAX CSV syntax: Invalid Closing Quote`]);
    expect(all).toHaveLength(19);
  });

  it('suggests the right column name for a near miss', async () => {
    const { diagnostics } = await loadPlan('csv-errors/stagemig.yaml', { cwd: FIXTURES });
    const hints = Object.fromEntries(diagnostics.filter((d) => d.code === 'CSV_UNKNOWN_COLUMN').map((d) => [d.summary, d.hint]));
    expect(hints['Unknown column "Email Address" in the CSV header']).toBe('did you mean `EmailAddress`?');
    expect(hints['Unknown column "Passwrd" in the CSV header']).toBe('did you mean `Password`?');
    expect(hints['Unknown column "Department" in the CSV header']).toMatch(/allowed columns are EmailAddress, Password, ForceChangePassword/);
  });

  it('never echoes a data row that stands where the header should be', async () => {
    const { diagnostics } = await loadPlan('csv-errors/stagemig.yaml', { cwd: FIXTURES });
    const noHeader = diagnostics.find((d) => d.range?.file === `${D}/no-header.csv`);
    expect(noHeader?.excerpt).toBeUndefined();
    expect(JSON.stringify(diagnostics)).not.toMatch(/Welcome-2026|Row-Secret|Quote-Secret/);
  });
});
