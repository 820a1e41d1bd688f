// The outside world as an operation sees it: a terminal (io), a clock, the environment, the working
// folder and Ctrl-C. Built once per run by cli/program.ts from main.ts's process (or a test's memory).
//
// Must not: be reached through globals. Operations take a Host argument and never read `process`.
// Operations also never write to host.io.stdout/stderr: they return values (and report progress
// through the events their command passes in); views turn those into text.

/** A terminal: streams, whether they are TTYs, colour, and one-line prompts. */
export interface HostIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal. */
  isTTY: boolean;
  /** True when stdin is a terminal (apply may then ask for confirmation). */
  stdinIsTTY: boolean;
  /** Colour output (TTY and NO_COLOR unset). */
  color: boolean;
  /** Reads one line of user input after printing the question. */
  prompt: (question: string) => Promise<string>;
}

export interface HostClock {
  /** The wall clock (STAGEMIG_NOW pins it; tests inject it). */
  now: () => Date;
  /** Waits between reads of the service; unset: an interruptible timer (see pause.ts). */
  sleep?: (ms: number) => Promise<void>;
}

export type HostEnv = Readonly<Record<string, string | undefined>>;

export interface Host {
  io: HostIo;
  clock: HostClock;
  env: HostEnv;
  /** The folder relative paths on the command line are resolved against. */
  cwd: string;
  /** Registers a callback run on Ctrl-C. Returns an unregister function. */
  onInterrupt: (cb: () => void) => () => void;
  /** The debug log of service calls (STAGEMIG_LOG=debug, --log-file), when asked for. */
  log?: (line: string) => void;
  /** Locks this run takes: the command line other runs see, and how long to wait (--lock-timeout). */
  lock?: { command: string; timeoutMs: number };
}
