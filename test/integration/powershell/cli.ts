// Driving the built CLI (node dist/src/bin.js) and `stagemig simulator serve` from the tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { pwshEnv } from './pwsh.js';
import { ROOT, secretsEnv } from './workspace.js';

export const CLI = join(ROOT, 'dist', 'src', 'bin.js');

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
