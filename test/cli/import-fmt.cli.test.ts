import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyExample, EXAMPLE, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';

describe('stagemig import', () => {
  it('imports the applied example; plan on the result reports no changes', async () => {
    const dir = copyExample();
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    const r = await runCli(['import', '--out', 'imported', '--from', PLAN], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Imported 1 endpoint(s) and 3 batch(es) with 30 mailbox(es)');
    const yamlText = readFileSync(join(dir, 'imported', PLAN), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/.exec(yamlText.split('\n')[0]!);
    expect(resolve(dir, 'imported', modeline![1]!)).toBe(resolve(EXAMPLE, '../../schemas/stagemig.schema.json'));
    const doc = parse(yamlText) as Record<string, any>;
    expect(doc.backend).toEqual({ type: 'simulator', stateFile: '../.stagemig/simulator.json' });
    expect(doc.endpoints.StagedEndpoint.credentials).toEqual({ username: 'CONTOSO\\administrator', passwordEnv: 'STAGEMIG_ONPREM_PASSWORD' });
    expect(Object.entries(doc.batches).map(([k, b]: [string, any]) => [k, b.csv, b.state])).toEqual([
      ['StagedBatch1', 'batches/StagedBatch1.csv', 'started'],
      ['StagedBatch2', 'batches/StagedBatch2.csv', 'started'],
      ['StagedBatch3', 'batches/StagedBatch3.csv', 'stopped'],
    ]);
    const csv = readFileSync(join(dir, 'imported', 'batches', 'StagedBatch1.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('EmailAddress');
    expect(csv).toContain('annb@contoso.com');
    expect(yamlText + csv.join('\n')).not.toContain(PASSWORD);
    expect((await runCli(['validate', 'imported/stagemig.yaml'], { cwd: dir })).exitCode).toBe(0);
    const plan = await runCli(['plan', 'imported/stagemig.yaml', '--detailed-exitcode'], { cwd: dir });
    expect([plan.exitCode, plan.stdout]).toEqual([0, 'No changes. The migration service matches the plan.\n']);
    expect((await runCli(['plan', 'imported/stagemig.yaml', '--refresh-only', '--detailed-exitcode'], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(['fmt', '--check', 'imported/stagemig.yaml'], { cwd: dir })).exitCode).toBe(0);
  });

  it('imports from a simulator state file, marks what the service cannot tell, and never overwrites without --force', async () => {
    const dir = copyExample();
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    const args = ['import', '--out', 'out', '--state-file', '.stagemig/simulator.json', '--organization', 'contoso.onmicrosoft.com'];
    const r = await runCli(args, { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Check endpoint.StagedEndpoint: emailAddress: the service does not report it, so a placeholder was written.');
    expect(readFileSync(join(dir, 'out', PLAN), 'utf8')).toMatch(/emailAddress: administrator@contoso\.com # placeholder: /);
    expect((await runCli(['plan', 'out/stagemig.yaml', '--detailed-exitcode'], { cwd: dir })).exitCode).toBe(0);
    writeFileSync(join(dir, 'out', 'batches', 'StagedBatch1.csv'), 'EmailAddress\nmine@contoso.com\n');
    const again = await runCli(args, { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/error: Refusing to overwrite 5 existing files: out\/stagemig\.yaml, /);
    expect(readFileSync(join(dir, 'out', 'batches', 'StagedBatch1.csv'), 'utf8')).toBe('EmailAddress\nmine@contoso.com\n');
    expect((await runCli([...args, '--force'], { cwd: dir })).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out', 'batches', 'StagedBatch1.csv'), 'utf8')).toContain('annb@contoso.com');
  });

  it('says where to import from', async () => {
    const dir = copyExample();
    const r = await runCli(['import', '--out', 'x'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('--from <plan.yaml> or --state-file <file>');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

describe('stagemig fmt', () => {
  it('--check passes on the bundled example', async () => {
    const r = await runCli(['fmt', '--check', join(EXAMPLE, PLAN)], { cwd: EXAMPLE });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('--check fails on a scrambled file and changes nothing; fmt then rewrites it keeping comments', async () => {
    const dir = copyExample();
    const original = readFileSync(join(dir, PLAN), 'utf8');
    const [head, batches] = original.split('\nbatches:\n');
    const scrambled = `batches:\n${batches}${head!.replace("organization: contoso.onmicrosoft.com", "organization: 'contoso.onmicrosoft.com'")}\n`;
    writeFileSync(join(dir, PLAN), scrambled);
    const check = await runCli(['fmt', '--check', PLAN], { cwd: dir });
    expect([check.exitCode, check.stdout]).toEqual([1, 'stagemig.yaml\n']);
    expect(check.stderr).toContain('1 file is not formatted; run `stagemig fmt stagemig.yaml` to fix it.');
    expect(readFileSync(join(dir, PLAN), 'utf8')).toBe(scrambled);
    const fmt = await runCli(['fmt', PLAN], { cwd: dir });
    expect([fmt.exitCode, fmt.stdout]).toEqual([0, 'stagemig.yaml\n']);
    const formatted = readFileSync(join(dir, PLAN), 'utf8');
    expect(formatted.indexOf('\nversion: 1')).toBeLessThan(formatted.indexOf('\nbatches:'));
    for (const comment of original.split('\n').filter((l) => l.trim().startsWith('#'))) expect(formatted).toContain(comment.trim());
    expect(formatted).toContain('  # Wave 2: Sales and Marketing (Madrid, Zürich and Paris offices).\n  StagedBatch2:');
    expect(parse(formatted)).toEqual(parse(original));
    expect((await runCli(['fmt', '--check', PLAN], { cwd: dir })).exitCode).toBe(0);
  });

  it('gives keys out of order exactly the example\'s layout: no blank line added, comments with their keys', async () => {
    const dir = copyExample();
    const example = readFileSync(join(dir, PLAN), 'utf8');
    const part = (from: string, to: string): string => example.slice(example.indexOf(from), to ? example.indexOf(to) : undefined);
    /** The text with two of its parts (`a` first) trading places. */
    const swap = (text: string, a: string, b: string): string => {
      const [i, j] = [text.indexOf(a), text.indexOf(b)];
      expect(i).toBeGreaterThan(-1);
      expect(j).toBeGreaterThanOrEqual(i + a.length);
      return text.slice(0, i) + b + text.slice(i + a.length, j) + a + text.slice(j + b.length);
    };
    const scrambled: Record<string, string> = {
      'organization-before-version': swap(example, 'version: 1\n', 'organization: contoso.onmicrosoft.com\n'),
      'sso-before-backend': swap(example, part('\nbackend:', '\n# contoso.com'), part('\n# contoso.com', '\nendpoints:')),
      'batches-before-endpoints': swap(example, part('\nendpoints:', '\nbatches:'), part('\nbatches:', '')),
      'endpoint-keys-out-of-order': swap(example, '    type: ExchangeOutlookAnywhere\n', part('    credentials:', '    maxConcurrentMigrations')),
      'batch-keys-out-of-order': swap(example, '    endpoint: StagedEndpoint\n    csv: batches/wave2-sales.csv\n', part('    notificationEmails:\n      - ', '\n  # Wave 3')),
    };
    mkdirSync(join(dir, 'scrambled'));
    for (const [name, text] of Object.entries(scrambled)) {
      expect(text).not.toBe(example);
      writeFileSync(join(dir, 'scrambled', `${name}.yaml`), text);
    }
    const names = Object.keys(scrambled).sort().map((n) => `scrambled/${n}.yaml`);
    expect(await runCli(['fmt', 'scrambled'], { cwd: dir })).toEqual({ exitCode: 0, stdout: names.map((n) => `${n}\n`).join(''), stderr: '' });
    for (const name of names) expect([name, readFileSync(join(dir, name), 'utf8')]).toEqual([name, example]);
    expect(await runCli(['fmt', '--check', 'scrambled'], { cwd: dir })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('reports a syntax error with file:line:col and changes nothing', async () => {
    const dir = copyExample();
    const broken = readFileSync(join(dir, PLAN), 'utf8').replace('organization: contoso.onmicrosoft.com', 'organization: "contoso.onmicrosoft.com');
    writeFileSync(join(dir, PLAN), broken);
    const r = await runCli(['fmt', PLAN], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^stagemig\.yaml:9:15: error: YAML syntax: Missing closing "quote/);
    expect(readFileSync(join(dir, PLAN), 'utf8')).toBe(broken);
  });
});
