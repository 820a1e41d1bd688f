// Driving the built CLI (node dist/src/bin.cjs) and `stagemig simulator serve` from the tests, and the
// CLI in this process for the runs that need no pwsh (the in-process simulator's side of a twin run).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { runCli } from '../../helpers/in-process.js';
import { pwshEnv } from './pwsh.js';
import { ROOT, secretsEnv } from './workspace.js';

export const CLI = join(ROOT, 'dist', 'src', 'bin.cjs');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
}

export async function stagemig(
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; onSpawn?: (pid: number) => void },
): Promise<CliResult> {
  assertBuilt();
  const child = execa(process.execPath, [CLI, ...args], {
    cwd: opts.cwd, env: { ...pwshEnv(), ...secretsEnv(), ...opts.env }, extendEnv: true, reject: false, stdin: 'ignore',
  });
  if (child.pid !== undefined) opts.onSpawn?.(child.pid);
  const r = await child;
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const stripFinalNewline = (text: string): string => text.replace(/\r?\n$/, '');

/**
 * The CLI in this process (test/helpers/in-process.ts) for a run on a simulator plan (sim.yaml,
 * served.yaml): no pwsh, so no process to watch. Its output has one final newline stripped, as the
 * built CLI's above has, so that the two sides of a twin run compare.
 */
export async function stagemigInProcess(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  const r = await runCli(args, { cwd: opts.cwd, env: { ...secretsEnv(), ...opts.env } });
  return { exitCode: r.exitCode, stdout: stripFinalNewline(r.stdout), stderr: stripFinalNewline(r.stderr) };
}

export interface Served {
  url: string;
  stats(): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  stop(): Promise<string>;
}

/** Starts `stagemig simulator serve <plan> --port 0` and waits for its URL. */
export async function serve(plan: string, cwd: string): Promise<Served> {
  assertBuilt();
  const child: ResultPromise = execa(process.execPath, [CLI, 'simulator', 'serve', plan, '--port', '0', '--quiet'], {
    cwd, env: { NO_COLOR: '1' }, extendEnv: true, reject: false, stdin: 'ignore', buffer: true, all: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.all?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(output);
      if (m) resolve(m[1]!);
    });
    void child.then(() => reject(new Error(`simulator serve ended before listening:\n${output}`)));
  });
  const get = async (path: string, method = 'GET') => (await fetch(`${url}${path}`, { method })).json() as Promise<{ calls: Record<string, number> }>;
  return {
    url,
    stats: async () => (await get('/stats')).calls,
    resetStats: async () => void (await get('/stats/reset', 'POST')),
    stop: async () => {
      child.kill('SIGINT');
      await child;
      return output;
    },
  };
}
