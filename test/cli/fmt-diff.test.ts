// `stagemig fmt --diff` and `stagemig fmt <folder>`, in-process on copies of the example.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const PLAN = 'stagemig.yaml';

/** A copy of the example whose organization is quoted: fmt removes the needless quotes. */
function quoted(): { dir: string; text: string } {
  const dir = copyExample();
  dirs.push(dir);
  const text = readFileSync(join(dir, PLAN), 'utf8').replace('organization: contoso.onmicrosoft.com', "organization: 'contoso.onmicrosoft.com'");
  writeFileSync(join(dir, PLAN), text);
  return { dir, text };
}

describe('fmt --diff', () => {
  it('--check --diff prints a unified diff of the change it would make and changes nothing', async () => {
    const { dir, text } = quoted();
    const r = await runCli(['fmt', '--check', '--diff', PLAN], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^--- a\/stagemig\.yaml\n\+\+\+ b\/stagemig\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(r.stdout).toContain("\n-organization: 'contoso.onmicrosoft.com'\n+organization: contoso.onmicrosoft.com\n");
    expect(r.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toHaveLength(2);
    expect(r.stderr).toContain('1 file is not formatted');
    expect(readFileSync(join(dir, PLAN), 'utf8')).toBe(text);
  });

  it('--diff without --check writes the file and prints what it changed; a second run prints nothing', async () => {
    const { dir } = quoted();
    const r = await runCli(['fmt', '--diff', PLAN], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('+organization: contoso.onmicrosoft.com');
    expect(readFileSync(join(dir, PLAN), 'utf8')).toContain('\norganization: contoso.onmicrosoft.com\n');
    expect(await runCli(['fmt', '--diff', PLAN], { cwd: dir })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});

describe('fmt on a folder', () => {
  it('formats every plan file under it (recursively, by name) and leaves other YAML alone', async () => {
    const { dir } = quoted();
    mkdirSync(join(dir, 'second', 'nested'), { recursive: true });
    const other = readFileSync(join(dir, PLAN), 'utf8');
    writeFileSync(join(dir, 'second', 'nested', 'plan.yml'), other);
    const workflow = "name:   'ci'\non: push\n";
    writeFileSync(join(dir, 'second', 'workflow.yaml'), workflow);
    mkdirSync(join(dir, '.stagemig'), { recursive: true });
    writeFileSync(join(dir, '.stagemig', 'hidden.yaml'), other);
    const r = await runCli(['fmt', '--check', '.'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`second/nested/plan.yml\n${PLAN}\n`); // walked by name: batches/, second/, stagemig.yaml
    const fixed = await runCli(['fmt', '.'], { cwd: dir });
    expect(fixed.exitCode).toBe(0);
    expect((await runCli(['fmt', '--check', '.'], { cwd: dir })).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'second', 'workflow.yaml'), 'utf8')).toBe(workflow);
    expect(readFileSync(join(dir, '.stagemig', 'hidden.yaml'), 'utf8')).toBe(other);
  });

  it('a folder without a plan file is an error', async () => {
    const { dir } = quoted();
    mkdirSync(join(dir, 'empty'));
    const r = await runCli(['fmt', 'empty'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('empty holds no stagemig plan file');
  });
});
