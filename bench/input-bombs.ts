// npm run bench: how long the built CLI takes to refuse input bombs (issue 12), each in a fresh process
// with a 200 MB heap. These figures were timing assertions in test/cli/bounded-input.cli.test.ts; the
// tests keep the behaviour (the errors, the bounded heap), the bench prints the time against 20 s.
// It must not judge anything but time: what the errors say is the tests' business.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BombFigure { bomb: string; ms: number; exitCode: number | null }

/** The limit each bomb must be refused within (it was the test's). */
export const BOMB_LIMIT_MS = 20_000;

function pointBatchAt(dir: string, csv: string): void {
  const file = join(dir, 'stagemig.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('csv: batches/wave1-it-pilot.csv', `csv: ${JSON.stringify(csv)}`));
}

/** Builds each bomb in a copy of `example` below `root` and times the CLI on it. */
export function inputBombFigures(root: string, cli: string, example: string, env: NodeJS.ProcessEnv): BombFigure[] {
  const copy = (name: string): string => {
    const dir = join(root, `bomb-${name}`);
    mkdirSync(dir, { recursive: true });
    cpSync(example, dir, { recursive: true });
    return dir;
  };
  const time = (bomb: string, dir: string, args: string[]): BombFigure => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=200', cli, ...args], { cwd: dir, env, encoding: 'utf8' });
    return { bomb, ms: performance.now() - t0, exitCode: r.status };
  };
  const zero = copy('dev-zero');
  pointBatchAt(zero, '/dev/zero');
  const bigCsv = copy('big-csv');
  truncateSync(join(bigCsv, 'batches', 'wave1-it-pilot.csv'), 200 * 1024 * 1024);
  const bigYaml = copy('big-yaml');
  writeFileSync(join(bigYaml, 'big.yaml'), `version: 1\norganization: "${'x'.repeat(1024)}`);
  truncateSync(join(bigYaml, 'big.yaml'), 50 * 1024 * 1024);
  const rows = copy('rows');
  writeFileSync(join(rows, 'batches', 'wave1-it-pilot.csv'), `EmailAddress\n${'x\n'.repeat(130_000)}`);
  return [
    time('csv: /dev/zero (validate)', zero, ['validate', 'stagemig.yaml', '--allow-csv-outside']),
    time('200 MB CSV (plan)', bigCsv, ['plan', 'stagemig.yaml']),
    time('50 MB YAML (validate)', bigYaml, ['validate', 'big.yaml']),
    time('130,000 invalid CSV rows (validate)', rows, ['validate', 'stagemig.yaml']),
  ];
}
