// What bin.ts (or a test) injects: the process's streams, environment, clock and Ctrl-C, flat.
// cli/program.ts turns it into the operations' Host (src/operations/host.ts).
import type { Host } from '../operations/host.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal. */
  isTTY: boolean;
  /** True when stdin is a terminal (apply may then ask for confirmation). */
  stdinIsTTY: boolean;
  /** Colour output (TTY and NO_COLOR unset). */
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Reads one line of user input after printing the question. */
  prompt: (question: string) => Promise<string>;
  /** The wall clock, injectable for deterministic tests. */
  now: () => Date;
  /** Registers a callback run on Ctrl-C. Returns an unregister function. */
  onInterrupt: (cb: () => void) => () => void;
  /** Waits between reads of the service (status --watch, apply --wait); a timer unless injected. */
  sleep?: (ms: number) => Promise<void>;
  /** The debug log of service calls (STAGEMIG_LOG=debug, --log-file); run() sets it. */
  log?: (line: string) => void;
}

export function hostOf(io: Io): Host {
  return {
    io: { stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY, stdinIsTTY: io.stdinIsTTY, color: io.color, prompt: io.prompt },
    clock: { now: io.now, ...(io.sleep ? { sleep: io.sleep } : {}) },
    env: io.env,
    cwd: io.cwd,
    onInterrupt: io.onInterrupt,
    ...(io.log ? { log: io.log } : {}),
  };
}
