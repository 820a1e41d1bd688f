// Smoke tests of the BUILT CLI (`npm run build` first, as `npm test` does): one subprocess per command
// that has no smoke test of its own elsewhere, proving the build runs it. Set-up runs in-process.
// The others: validate (validate.cli), check (check.cli), plan, apply and status (reports.cli),
// convert (convert.cli), version (hygiene.cli). Behaviour is tested in-process (test/helpers/in-process.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, copyFolder, stagemig } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
let applied: string;

beforeAll(async () => {
  applied = copyExample();
  expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: applied })).exitCode).toBe(0);
});

describe('built CLI smoke', () => {
  it('`stagemig --help` lists the commands and the exit codes', async () => {
    const r = await stagemig(['--help'], { cwd: applied });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    for (const command of ['validate', 'check', 'plan', 'apply', 'show', 'status', 'convert', 'simulator', 'import', 'fmt']) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    }
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}success/);
  });

  it('`stagemig show` renders a saved plan offline', async () => {
    const dir = copyFolder(applied);
    writeFileSync(join(dir, PLAN), readFileSync(join(dir, PLAN), 'utf8').replace('state: stopped', 'state: started'));
    expect((await runCli(['plan', PLAN, '--out', 'plan.json'], { cwd: dir })).exitCode).toBe(0);
    const r = await stagemig(['show', 'plan.json'], { cwd: dir });
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Saved plan plan\.json: made /);
    expect(r.stdout).toContain("Start-MigrationBatch -Identity 'StagedBatch3'");
  });

  it('`stagemig import` writes a plan that plans no changes', async () => {
    const dir = copyFolder(applied);
    const r = await stagemig(['import', '--out', 'imported', '--from', PLAN], { cwd: dir });
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Imported 1 endpoint(s) and 3 batch(es) with 30 mailbox(es)');
    expect((await runCli(['plan', 'imported/stagemig.yaml', '--detailed-exitcode'], { cwd: dir })).exitCode).toBe(0);
  });

  it('`stagemig fmt` rewrites an unformatted plan and --check then passes', async () => {
    const dir = copyExample();
    const original = readFileSync(join(dir, PLAN), 'utf8');
    writeFileSync(join(dir, PLAN), original.replace('version: 1\norganization: contoso.onmicrosoft.com\n', 'organization: contoso.onmicrosoft.com\nversion: 1\n'));
    const r = await stagemig(['fmt', PLAN], { cwd: dir });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, PLAN, '']);
    expect(readFileSync(join(dir, PLAN), 'utf8').indexOf('\nversion: 1')).toBeLessThan(readFileSync(join(dir, PLAN), 'utf8').indexOf('\norganization:'));
    expect((await runCli(['fmt', '--check', PLAN], { cwd: dir })).exitCode).toBe(0);
  });

  it('`stagemig simulator advance` moves the simulated clock and saves it', async () => {
    const dir = copyFolder(applied);
    const state = join(dir, '.stagemig', 'simulator.json');
    const before = Date.parse((JSON.parse(readFileSync(state, 'utf8')) as { now: string }).now);
    const r = await stagemig(['simulator', 'advance', PLAN, '1h'], { cwd: dir });
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Advanced the simulated clock by 1h');
    expect(existsSync(state)).toBe(true);
    expect(Date.parse((JSON.parse(readFileSync(state, 'utf8')) as { now: string }).now) - before).toBe(3_600_000);
  });
});
