// Runs the CLI in this process through the same entry point as main.ts, with an in-memory io.
// Behaviour tests use this; only one smoke test per command spawns the built CLI (test/helpers/cli.ts).
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { colorEnabled } from '../../src/cli/color.js';
import { PASSWORD, type CliResult } from './cli.js';

export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** A fixed clock (the built CLI's STAGEMIG_NOW); defaults to the wall clock. */
  now?: () => Date;
  /** Answers given at prompts, in order (stdin is then treated as a terminal). */
  answers?: string[];
  /** Waits between service reads; defaults to no wait at all. */
  sleep?: (ms: number) => Promise<void>;
  isTTY?: boolean;
  /** Registers the Ctrl-C handler (e.g. to stop a --watch); defaults to none. */
  onInterrupt?: Io['onInterrupt'];
  /** Called with all stdout so far after each write, e.g. to change the world when a step starts. */
  onStdout?: (soFar: string) => void;
}

export async function runCli(args: string[], opts: InProcessOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const answers = [...(opts.answers ?? [])];
  const env: Record<string, string | undefined> = { NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD, ...opts.env };
  const fixed = env.STAGEMIG_NOW ? Date.parse(env.STAGEMIG_NOW) : NaN;
  const io: Io = {
    stdout: (t) => {
      stdout += t;
      opts.onStdout?.(stdout);
    },
    stderr: (t) => void (stderr += t),
    isTTY: opts.isTTY ?? false,
    stdinIsTTY: opts.answers !== undefined,
    color: colorEnabled({ isTTY: opts.isTTY ?? false, env, noColorFlag: args.includes('--no-color') }), // as main.ts decides
    env,
    cwd: opts.cwd,
    prompt: async (q) => {
      stdout += q;
      return answers.shift() ?? '';
    },
    now: opts.now ?? (Number.isNaN(fixed) ? () => new Date() : () => new Date(fixed)),
    onInterrupt: opts.onInterrupt ?? (() => () => undefined),
    sleep: opts.sleep ?? (async () => undefined),
  };
  const exitCode = await run(args, io);
  return { exitCode, stdout, stderr };
}
