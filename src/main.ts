// The only module that touches `process`: streams, environment, exit code and signals. bin.cts calls
// main() (from the bundle, see launch.cts); scripts/bundle.ts calls run() to warm
// the bundle's code cache.
//
// Must not: hold logic: it only wires the process to cli/program.ts; do nothing when imported.
import { run } from './cli/program.js';
import type { Io } from './cli/io.js';
import { colorEnabled } from './cli/color.js';

/** STAGEMIG_NOW=<ISO time> pins the clock (reproducible plan documents in tests and demos). */
function fixedClock(value: string | undefined): (() => Date) | undefined {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : () => new Date(ms);
}

export { run };

/** Runs the command line of this process. */
export function main(): void {
  // A reader that closes early (`stagemig plan x.yaml | head -1`) is not an error: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }

  // Ctrl-C, a terminal hang-up and a polite kill (CI cancelling a job) all stop the same way: a running
  // apply finishes its current step and prints what ran; with nothing to stop, exit at once (128 + signal).
  const interruptHandlers = new Set<() => void>();
  const SIGNAL_EXIT = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 } as const;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(signal, () => {
      if (interruptHandlers.size === 0) process.exit(code);
      for (const cb of interruptHandlers) cb();
      process.exitCode = code;
    });
  }

  const io: Io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    color: colorEnabled({ isTTY: Boolean(process.stdout.isTTY), env: process.env, noColorFlag: process.argv.includes('--no-color') }),
    env: process.env,
    cwd: process.cwd(),
    prompt: async (question) => {
      // Loaded only when apply asks: most runs never prompt.
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    now: fixedClock(process.env.STAGEMIG_NOW) ?? (() => new Date()),
    onInterrupt: (cb) => {
      interruptHandlers.add(cb);
      return () => interruptHandlers.delete(cb);
    },
  };

  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `stagemig: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` +
          'This is a bug in stagemig; please report it with the command you ran.\n',
      );
      process.exitCode = 1;
    },
  );
}
