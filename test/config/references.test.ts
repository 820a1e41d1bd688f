import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { FIXTURES, byCode, planYaml, tempDir, where } from './helpers.js';

const F = 'references/stagemig.yaml';
const load = async () => (await loadPlan(F, { cwd: FIXTURES })).diagnostics;

describe('cross-references and service limits in the plan', () => {
  it('points a batch naming a missing endpoint at the `endpoint:` value, with a suggestion', async () => {
    const [d, ...rest] = byCode(await load(), 'UNKNOWN_ENDPOINT');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      summary: 'Batch `StagedBatch1` uses endpoint `StagedEndpiont`, which is not declared under `endpoints`',
      hint: 'did you mean `StagedEndpoint`?',
      address: 'batch.StagedBatch1',
    });
    expect(d?.range).toEqual({ file: F, start: { line: 17, col: 15 }, end: { line: 17, col: 29 } });
  });

  it('points a missing CSV file at the `csv:` line', async () => {
    const [d] = byCode(await load(), 'FILE_NOT_FOUND');
    expect(d?.summary).toBe('CSV file "csv/does-not-exist.csv" of batch `StagedBatch2` does not exist');
    expect(where(d!)).toBe(`${F}:21:10`);
    expect(d?.excerpt).toBe('    csv: csv/does-not-exist.csv');
    expect(d?.hint).toContain('relative to the plan file');
  });

  it('rejects batch names over 64 characters at the key', async () => {
    const [d] = byCode(await load(), 'BATCH_NAME_TOO_LONG');
    expect(d?.summary).toBe('Batch name is 77 characters long; the service allows at most 64');
    expect(where(d!)).toBe(`${F}:22:3`);
  });

  it('rejects a batch that uses an endpoint marked removed', async () => {
    const [d] = byCode(await load(), 'ENDPOINT_IN_USE');
    expect(where(d!)).toBe(`${F}:26:15`);
  });

  it('rejects names that differ only in case, and two batches sharing one CSV file', async () => {
    const diags = await load();
    expect(byCode(diags, 'DUPLICATE_NAME').map(where)).toEqual([`${F}:28:3`]);
    expect(byCode(diags, 'DUPLICATE_CSV_FILE').map((d) => [where(d), d.summary])).toEqual([
      [`${F}:30:10`, 'Batches `StagedBatch1` and `stagedbatch1` use the same CSV file'],
    ]);
    expect(diags).toHaveLength(6);
  });

  it('allows 100 batches and rejects the 101st (batches being removed do not count)', async () => {
    const files: Record<string, string> = {};
    const batches: Record<string, string> = {};
    for (let i = 1; i <= 101; i++) {
      files[`csv/b${i}.csv`] = `EmailAddress\nuser${i}@contoso.com\n`;
      batches[`Batch${String(i).padStart(3, '0')}`] = `csv/b${i}.csv`;
    }
    const dir = tempDir({ ...files, 'p.yaml': planYaml(batches) });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.map((d) => [d.code, where(d), d.summary])).toEqual([
      ['TOO_MANY_BATCHES', 'p.yaml:9:1', 'The plan declares 101 batches; the service allows at most 100'],
    ]);
    const removedOne = `${planYaml(batches)}    state: removed\n`;
    const dir2 = tempDir({ ...files, 'p.yaml': removedOne });
    const second = await loadPlan('p.yaml', { cwd: dir2 });
    expect(second.diagnostics).toEqual([]);
    expect(second.desired?.batches).toHaveLength(101);
  });
});
