// The CI examples work as written: every stagemig command in them exists with those flags (checked
// against the real commander program, so they cannot drift apart), stagemig is installed from the
// repository (never a registry name), and the flows the README describes are there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/program.js';
import { checkInvocation, scriptsOf, stagemigCommands } from '../helpers/ci-commands.js';

const CI = resolve(__dirname, '../../examples/ci');
const files = readdirSync(CI).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(CI, f), 'utf8');
const program = await buildProgram({ io: {} as never, host: {} as never, setExitCode: () => undefined });
const allScripts = (f: string) => scriptsOf(text(f)).map((s) => s.text).join('\n');

describe('the checker itself', () => {
  it('finds stagemig commands across continuations and pipes, and catches a wrong flag, command or argument count', () => {
    expect(stagemigCommands('set +e\nstagemig plan "$PLAN_YAML" \\\n  --out x.json --format markdown > plan.md\ncode=$?')).toEqual([
      ['plan', '$PLAN_YAML', '--out', 'x.json', '--format', 'markdown'],
    ]);
    expect(stagemigCommands('stagemig version; stagemig show "$F" | head -1')).toEqual([['version'], ['show', '$F']]);
    expect(checkInvocation(program, ['plan', 'x.yaml', '--detailed-exitcode', '--out', 'p.json'])).toEqual([]);
    expect(checkInvocation(program, ['plan', 'x.yaml', '--detailed-exit-code'])).toEqual(['`stagemig plan` has no option --detailed-exit-code']);
    expect(checkInvocation(program, ['plan', 'x.yaml', '--out'])).toEqual(['--out needs a value']);
    expect(checkInvocation(program, ['plna', 'x.yaml'])).toEqual(['`stagemig plna x.yaml`: no such command']);
    expect(checkInvocation(program, ['apply'])).toEqual(['`stagemig apply` needs 1 argument(s), got 0']);
    expect(checkInvocation(program, ['simulator', 'advance', 'x.yaml', '6h'])).toEqual([]);
  });
});

describe.each(files)('%s', (file) => {
  const scripts = scriptsOf(text(file));
  const commands = scripts.flatMap((s) => stagemigCommands(s.text).map((args) => ({ where: s.path, args })));

  it('parses as YAML and has scripts with stagemig commands', () => {
    expect(() => parse(text(file))).not.toThrow();
    expect(commands.length).toBeGreaterThan(5);
  });

  it('uses only commands and flags the real CLI has', () => {
    const problems = commands.flatMap((c) => checkInvocation(program, c.args).map((p) => `${c.where}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('installs stagemig from the repository (a pinned path), never by a registry name', () => {
    const installs = scripts.flatMap((s) => s.text.split('\n')).filter((l) => /\bnpm (install|i|add)\b|\bnpx\b|\byarn add\b|\bpnpm add\b/.test(l));
    expect(installs.length).toBeGreaterThan(0);
    for (const line of installs) {
      expect(line, line).not.toMatch(/\bnpx\b/);
      const targets = line.replace(/.*\bnpm (install|i|add)\b/, '').trim().split(/\s+/).filter((w) => w && !w.startsWith('-'));
      expect(targets.length, line).toBeGreaterThan(0);
      for (const t of targets) expect(t, line).toMatch(/^\.{0,2}\//);
    }
    expect(allScripts(file)).toMatch(/npm ci --prefix tools\/stagemig\n/);
  });

  it('plans what main holds now, then applies that saved plan (refused if stale)', () => {
    const all = commands.map((c) => c.args.join(' '));
    expect(all).toContain('plan $PLAN_YAML --out $PLAN_FILE --format markdown');
    expect(all).toContain('apply $PLAN_FILE');
    expect(text(file)).toMatch(/ref: main|git fetch --depth 1 origin main && git checkout --detach FETCH_HEAD/);
  });

  it('has a scheduled drift job: plan --refresh-only --detailed-exitcode, exit 2 fails it', () => {
    expect(text(file)).toMatch(/cron: '[^']+'/);
    expect(commands.map((c) => c.args.join(' '))).toContain('plan $PLAN_YAML --refresh-only --detailed-exitcode --format markdown');
    expect(allScripts(file)).toMatch(/exit "\$code"/);
  });

  it('keeps the last-applied record on its own branch and fetches it before every plan', () => {
    const s = allScripts(file);
    expect(s.match(/git show "FETCH_HEAD:stagemig.applied.json" > "\$RECORD"/g)?.length).toBe(3);
    expect(s).toContain('git push origin "$RECORD_BRANCH"');
  });

  it('never passes a secret on a command line or echoes one', () => {
    for (const s of scripts) {
      expect(s.text, s.path).not.toMatch(/STAGEMIG_(ONPREM|CERT)_PASSWORD/);
      expect(s.text, s.path).not.toMatch(/\$\{\{\s*secrets\./);
    }
  });
});

describe('serializing applies', () => {
  it('GitHub: one concurrency group for apply and drift, never cancelled in progress', () => {
    const wf = parse(text('stagemig.yml')) as { jobs: Record<string, { concurrency?: { group: string; 'cancel-in-progress': boolean } }> };
    for (const job of ['apply', 'drift']) expect(wf.jobs[job]!.concurrency).toEqual({ group: 'stagemig-apply', 'cancel-in-progress': false });
  });

  it('Azure DevOps: apply and drift stages queue in order on the environment lock', () => {
    const p = parse(text('azure-pipelines.yml')) as { stages: Array<{ stage: string; lockBehavior?: string; jobs: Array<{ environment?: string }> }> };
    for (const name of ['Apply', 'Drift']) {
      const stage = p.stages.find((s) => s.stage === name)!;
      expect(stage.lockBehavior).toBe('sequential');
      expect(stage.jobs[0]!.environment).toBe('exchange-online');
    }
  });
});
