// Issue 12, defect 8, through the CLI: a batch named __proto__ is kept in the last-applied record;
// m.yaml and m.yml keep a record each; a wrongly typed state file or record gives a clear message
// (never "internal error: TypeError").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const NOW = '2026-12-01T07:00:00Z';
const cli = (dir: string, ...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: NOW } });
const record = (dir: string, stem: string) => JSON.parse(readFileSync(join(dir, '.stagemig', `${stem}.applied.json`), 'utf8')) as { service: string; batches: Record<string, unknown> };

describe('the last-applied record', () => {
  it('keeps a batch named __proto__: deleting its block later shows it as no longer in the plan', async () => {
    const dir = copyExample();
    const yaml = join(dir, 'stagemig.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^ {2}StagedBatch3:/m, '  __proto__:'));
    expect((await cli(dir, 'apply', 'stagemig.yaml', '--auto-approve')).exitCode).toBe(0);
    expect(Object.keys(record(dir, 'stagemig').batches)).toContain('__proto__');
    expect((await cli(dir, 'plan', 'stagemig.yaml', '--detailed-exitcode')).exitCode).toBe(0);
    const text = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, text.slice(0, text.indexOf('  __proto__:')).replace(/\s*# Wave 3[^\n]*\n?$/, '\n'));
    const r = await cli(dir, 'plan', 'stagemig.yaml');
    expect(r.stdout).toMatch(/No longer in the plan[^\n]*\n {2}batch\.__proto__ \(/);
  });

  it('m.yaml and m.yml keep one record each', async () => {
    const dir = copyExample();
    const text = readFileSync(join(dir, 'stagemig.yaml'), 'utf8');
    writeFileSync(join(dir, 'm.yaml'), text);
    writeFileSync(join(dir, 'm.yml'), text.replace('  type: simulator', '  type: simulator\n  stateFile: .stagemig/other.json'));
    expect((await cli(dir, 'apply', 'm.yaml', '--auto-approve')).exitCode).toBe(0);
    expect((await cli(dir, 'apply', 'm.yml', '--auto-approve')).exitCode).toBe(0);
    expect(record(dir, 'm').service).toBe('simulator:.stagemig/simulator.json');
    expect(record(dir, 'm.yml').service).toBe('simulator:.stagemig/other.json');
    for (const plan of ['m.yaml', 'm.yml']) {
      const r = await cli(dir, 'plan', plan, '--detailed-exitcode');
      expect(r.stderr, plan).not.toContain('Ignoring');
      expect(r.exitCode, plan).toBe(0);
    }
  });

  it('a wrongly typed state file is refused at its position; a wrongly typed record is ignored with a warning', async () => {
    const dir = copyExample();
    expect((await cli(dir, 'apply', 'stagemig.yaml', '--auto-approve')).exitCode).toBe(0);
    const stateFile = join(dir, '.stagemig', 'simulator.json');
    const good = readFileSync(stateFile, 'utf8');
    writeFileSync(stateFile, JSON.stringify({ ...JSON.parse(good) as object, batches: 'none' }, null, 2));
    const bad = await cli(dir, 'plan', 'stagemig.yaml');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/simulator\.json:\d+:\d+: error: The simulator state file .*simulator\.json is not valid: \/batches must be array/);
    expect(bad.stderr).not.toMatch(/internal error|TypeError/);
    writeFileSync(stateFile, good);
    const recordFile = join(dir, '.stagemig', 'stagemig.applied.json');
    writeFileSync(recordFile, JSON.stringify({ ...record(dir, 'stagemig'), batches: ['StagedBatch1'] }));
    const r = await cli(dir, 'plan', 'stagemig.yaml', '--detailed-exitcode');
    expect(r.stderr).toMatch(/warning: Ignoring .*stagemig\.applied\.json: it is not valid: \/batches must be object/);
    expect(r.stderr).not.toMatch(/internal error|TypeError/);
    expect(r.exitCode).toBe(0);
  });
});
