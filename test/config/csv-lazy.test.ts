// A plan's CSV files keep their addresses lazily (loadCsvFile): the same rows as an eager read, made
// when something reads them (model/lazy-list.ts tests that reading the count makes nothing).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCsvBytes, loadCsvFile, loadPlan } from '../../src/config/index.js';
import { batchEmails, batchKeys, batchSize } from '../../src/model/index.js';
import { planYaml, tempDir } from './helpers.js';

const opts = { file: 'w.csv', sso: false };
const TEXT = 'EmailAddress,ForceChangePassword\r\nAnn@Contoso.com,True\r\n\r\nbo@contoso.com,\r\n"zoë@bücher.example",false\r\n';

describe('lazy CSV columns', () => {
  it('give the rows an eager read gives: addresses, keys, lines, hashes, ForceChangePassword', () => {
    const dir = tempDir({ 'w.csv': TEXT });
    const lazy = loadCsvFile(join(dir, 'w.csv'), opts);
    const eager = checkCsvBytes(Buffer.from(TEXT), opts);
    if (!lazy.ok) throw new Error(lazy.reason);
    expect(lazy.diagnostics).toEqual(eager.diagnostics);
    expect(lazy.rows.emails.length).toBe(3);
    expect([...lazy.rows.emails]).toEqual(['Ann@Contoso.com', 'bo@contoso.com', 'zoë@bücher.example']);
    expect([...lazy.rows.keys]).toEqual(['ann@contoso.com', 'bo@contoso.com', 'zoë@xn--bcher-kva.example']);
    expect(lazy.rows).toEqual(eager.rows);
  });

  it('give a plan\'s batches their addresses, keys and users, each batch apart', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `user${i}@contoso.com`);
    const dir = tempDir({
      'stagemig.yaml': planYaml({ A: 'a.csv', B: 'b.csv' }),
      'a.csv': `EmailAddress\n${rows.slice(0, 25).join('\n')}\n`,
      'b.csv': `EmailAddress\n${rows.slice(25).join('\n')}\n`,
    });
    const { desired, diagnostics } = await loadPlan(join(dir, 'stagemig.yaml'), { cwd: dir });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [a, b] = desired!.batches;
    expect(batchSize(a!) + batchSize(b!)).toBe(50);
    expect(batchEmails(a!)[0]).toBe('user0@contoso.com');
    // Addresses that are their own keys share one list.
    expect(batchKeys(b!)).toBe(batchEmails(b!));
    expect(batchEmails(b!)).toEqual(rows.slice(25));
    expect(a!.users.map((u) => [u.email, u.key, u.line])).toEqual(rows.slice(0, 25).map((e, i) => [e, e, i + 2]));
  });
});
