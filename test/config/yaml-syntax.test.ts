import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { FIXTURES, tempDir, where } from './helpers.js';

describe('YAML syntax errors', () => {
  it('reports every syntax error with its position, and nothing else', async () => {
    const { desired, diagnostics } = await loadPlan('yaml-syntax/stagemig.yaml', { cwd: FIXTURES });
    expect(desired).toBeUndefined();
    expect(diagnostics.every((d) => d.code === 'YAML_SYNTAX' && d.severity === 'error')).toBe(true);
    const found = diagnostics.map((d) => `${where(d)} ${d.summary}`);
    expect(found).toContain('yaml-syntax/stagemig.yaml:6:1 YAML syntax: Tabs are not allowed as indentation');
    expect(found).toContain('yaml-syntax/stagemig.yaml:12:3 YAML syntax: Map keys must be unique');
    // An unclosed quote is reported where the string starts, not at the end of the file.
    expect(found).toContain('yaml-syntax/stagemig.yaml:14:10 YAML syntax: Missing closing "quote (the string starts here)');
  });

  it('gives each syntax error a hint and the source line as excerpt', async () => {
    const { diagnostics } = await loadPlan('yaml-syntax/stagemig.yaml', { cwd: FIXTURES });
    const dup = diagnostics.find((d) => d.summary.includes('unique'));
    expect(dup?.excerpt).toBe('  B1:');
    expect(dup?.hint).toMatch(/only once/);
    for (const d of diagnostics) expect(d.hint).toBeTruthy();
  });

  it('reports an unclosed flow list with a hint to close it', async () => {
    const dir = tempDir({ 'p.yaml': 'version: 1\norganization: contoso.onmicrosoft.com\nbatches: [1, 2\nsso: true\n' });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.code).toBe('YAML_SYNTAX');
    expect(diagnostics[0]?.range?.start.line).toBe(4);
    expect(diagnostics[0]?.hint).toMatch(/`\]`/);
  });

  it('treats an empty file as a plan that is not a map', async () => {
    const dir = tempDir({ 'p.yaml': '# nothing yet\n' });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.summary, where(d)])).toEqual([
      ['SCHEMA_VIOLATION', 'The plan file is empty or is not a YAML map', 'p.yaml:1:1'],
    ]);
  });

  it('reads a plan saved as UTF-16 LE with BOM (Windows PowerShell Out-File)', async () => {
    const yaml = 'version: 1\norganization: contoso.onmicrosoft.com\nbogus: 1\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]);
    const dir = tempDir({ 'p.yaml': bytes });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.map((d) => `${d.code} ${where(d)}`)).toEqual(['UNKNOWN_KEY p.yaml:3:1']);
  });

  it('rejects a plan that is not text in a Unicode encoding', async () => {
    const dir = tempDir({ 'p.yaml': Buffer.from([0x76, 0x3a, 0x20, 0xe9, 0x0a]) });
    const { diagnostics } = await loadPlan('p.yaml', { cwd: dir });
    expect(diagnostics.map((d) => d.code)).toEqual(['FILE_ENCODING']);
    expect(diagnostics[0]?.hint).toMatch(/UTF-8/);
  });
});
