// CLI hygiene, in-process: version, short usage errors, help, colour switches, --format wording.
import { rmSync } from 'node:fs';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color.js';
import { buildProgram } from '../../src/cli/program.js';
import { TOOL_VERSION } from '../../src/version.js';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const dir = copyExample();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[], env: Record<string, string | undefined> = {}, isTTY = false) => runCli(args, { cwd: dir, env, isTTY });
const ESC = '\u001b[';

describe('version', () => {
  it.each([['version'], ['-v'], ['--version']])('`stagemig %s` prints one line', async (flag) => {
    const r = await cli([flag]);
    expect(r).toEqual({ exitCode: 0, stdout: `stagemig ${TOOL_VERSION}\n`, stderr: '' });
  });

  it.each([['version'], ['-v'], ['--version']])('`stagemig %s --format json` prints the version document', async (flag) => {
    const r = await cli([flag, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schemaErrors('version', doc)).toEqual([]);
    expect(doc).toMatchObject({ kind: 'version', tool_version: TOOL_VERSION, node_version: process.version, platform: process.platform });
  });

  it('rejects an unknown format as a usage error', async () => {
    const r = await cli(['version', '--format', 'yaml']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Use --format human, --format json.');
  });
});

describe('usage errors are short', () => {
  const helpDump = /Options:|Commands:|Usage:/;

  it.each([
    [['plan', 'stagemig.yaml', '-out', 'x.json'], "unknown option '-out'", 'Did you mean --out?', 'stagemig plan --help'],
    [['plan', '-detailed-exitcode', 'stagemig.yaml'], "unknown option '-detailed-exitcode'", 'Did you mean --detailed-exitcode?', 'stagemig plan --help'],
    [['apply', 'stagemig.yaml', '-auto-approve'], "unknown option '-auto-approve'", 'Did you mean --auto-approve?', 'stagemig apply --help'],
    [['-version'], "unknown option '-version'", 'Did you mean --version?', 'stagemig --help'],
    [['plan', 'stagemig.yaml', '-nonsense'], "unknown option '-nonsense'", 'long options take two dashes (--nonsense)', 'stagemig plan --help'],
    [['plan', 'stagemig.yaml', '--outt', 'x'], "unknown option '--outt'", 'Did you mean --out?', 'stagemig plan --help'],
    [['simulator', 'advance', 'stagemig.yaml', '-by', '6h'], "unknown option '-by'", 'two dashes', 'stagemig simulator advance --help'],
    [['plna', 'stagemig.yaml'], "unknown command 'plna'", 'Did you mean plan?', 'stagemig --help'],
    [['plan'], "missing required argument 'plan'", '', 'stagemig plan --help'],
  ])('%j', async (args, summary, hint, help) => {
    const r = await cli(args);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(helpDump);
    expect(r.stderr.split('\n')[0]).toBe(`stagemig: ${summary}`);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).toContain(`Run \`${help}\` for usage.`);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  it('does nothing when the usage is wrong (no simulator state written)', async () => {
    const r = await cli(['apply', 'stagemig.yaml', '-auto-approve']);
    expect(r.exitCode).toBe(1);
    expect((await cli(['simulator', 'status', 'stagemig.yaml'])).stdout).not.toContain('StagedBatch1');
  });
});

describe('help', () => {
  it('shows examples, the exit codes and the colour switches', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}stagemig validate /);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}success[^\n]*\n {2}1 {2}error[^\n]*\n {2}2 {2}changes pending/);
    expect(r.stdout).toContain('--no-color');
    expect(r.stdout).toContain('FORCE_COLOR');
  });

  it('each command shows an example and its exit codes', async () => {
    const r = await cli(['plan', '--help']);
    expect(r.stdout).toMatch(/Example:\n {2}stagemig plan \S+ --out/);
    expect(r.stdout).toContain('Exit codes: 0 success, 1 error, 2 changes pending (with --detailed-exitcode).');
  });
});

describe('colour', () => {
  it.each([
    [{ isTTY: true, env: {}, noColorFlag: false }, true],
    [{ isTTY: false, env: {}, noColorFlag: false }, false],
    [{ isTTY: true, env: { NO_COLOR: '1' }, noColorFlag: false }, false],
    [{ isTTY: true, env: { NO_COLOR: '' }, noColorFlag: false }, true],
    [{ isTTY: false, env: { FORCE_COLOR: '1' }, noColorFlag: false }, true],
    [{ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, noColorFlag: false }, true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' }, noColorFlag: false }, false],
    [{ isTTY: true, env: { FORCE_COLOR: '1' }, noColorFlag: true }, false],
  ])('%j → %s', (inputs, expected) => {
    expect(colorEnabled(inputs)).toBe(expected);
  });

  it('FORCE_COLOR colours a plan written to a pipe; --no-color (anywhere on the line) turns it off', async () => {
    const forced = await cli(['plan', 'stagemig.yaml'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(ESC);
    for (const args of [['--no-color', 'plan', 'stagemig.yaml'], ['plan', 'stagemig.yaml', '--no-color']]) {
      const plain = await cli(args, { NO_COLOR: undefined, FORCE_COLOR: '1' });
      expect(plain.exitCode).toBe(0);
      expect(plain.stdout).not.toContain(ESC);
      expect(plain.stdout).toBe(forced.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
    }
  });

  it('a terminal gets colour unless NO_COLOR is set', async () => {
    expect((await cli(['plan', 'stagemig.yaml'], { NO_COLOR: undefined }, true)).stdout).toContain(ESC);
    expect((await cli(['plan', 'stagemig.yaml'], { NO_COLOR: '1' }, true)).stdout).not.toContain(ESC);
  });
});

const program = await buildProgram({ io: {} as never, host: {} as never, setExitCode: () => undefined });

describe('--format is one option everywhere', () => {
  const all = (cmd: Command): Command[] => cmd.commands.flatMap((c) => [c, ...all(c)]);
  const withFormat = all(program).flatMap((c) => c.options.filter((o) => o.long === '--format').map((o) => ({ name: c.name(), o })));

  it('is offered by the commands that print documents', () => {
    expect(withFormat.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['plan', 'show', 'status', 'validate', 'version']));
  });

  it('has the same wording, order and default', () => {
    const order = ['human', 'json', 'markdown', 'html', 'powershell'];
    for (const { name, o } of withFormat) {
      const values = /^output format: ([a-z, ]+)$/.exec(o.description)?.[1]?.split(', ');
      expect(values, `${name}: ${o.description}`).toBeDefined();
      expect(values![0], name).toBe('human');
      expect([...values!].sort((a, b) => order.indexOf(a) - order.indexOf(b)), name).toEqual(values);
      expect(o.defaultValue, name).toBe('human');
    }
  });
});
