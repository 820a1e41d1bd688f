// 100 batches × 2,000 rows (200,000 mailboxes) load completely and correctly. How long it takes is
// measured by `npm run bench` (plan of 100 × 2,000 against the floor), not asserted here.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { planYaml, tempDir } from './helpers.js';

function bigPlan(): string {
  const files: Record<string, string> = {};
  const batches: Record<string, string> = {};
  for (let b = 0; b < 100; b++) {
    const rows = Array.from({ length: 2000 }, (_, r) => `user${b}.${r}@contoso.com,Welcome-2026!${r},False`);
    files[`csv/wave${b}.csv`] = `EmailAddress,Password,ForceChangePassword\r\n${rows.join('\r\n')}\r\n`;
    batches[`Wave${String(b).padStart(3, '0')}`] = `csv/wave${b}.csv`;
  }
  return tempDir({ ...files, 'plan.yaml': planYaml(batches) });
}

describe('loading 200,000 mailboxes', () => {
  it('validates 100 CSV files of 2,000 rows', async () => {
    const dir = bigPlan();
    const { desired, diagnostics } = await loadPlan('plan.yaml', { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.batches).toHaveLength(100);
    expect(desired?.batches.reduce((n, b) => n + b.users.length, 0)).toBe(200_000);
    expect(desired?.batches[99]?.users[1999]).toMatchObject({ email: 'user99.1999@contoso.com', line: 2001 });
  });

  it('reports a duplicate across the last and first batch without slowing down', async () => {
    const dir = tempDir({
      'plan.yaml': planYaml({ A: 'a.csv', Z: 'z.csv' }),
      'a.csv': `EmailAddress\n${Array.from({ length: 2000 }, (_, i) => `a${i}@contoso.com`).join('\n')}\n`,
      'z.csv': `EmailAddress\n${Array.from({ length: 1999 }, (_, i) => `z${i}@contoso.com`).join('\n')}\nA1999@CONTOSO.COM\n`,
    });
    const { diagnostics } = await loadPlan('plan.yaml', { cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.range?.file, d.range?.start.line, d.summary])).toEqual([
      ['CSV_DUPLICATE', 'z.csv', 2001, '"A1999@CONTOSO.COM" is already in batch `A` (a.csv:2001)'],
    ]);
  });
});
