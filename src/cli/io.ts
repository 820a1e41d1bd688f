// What main.ts (or a test) injects: the process's streams, environment, clock and Ctrl-C, flat.
// cli/program.ts turns it into the operations' Host (src/operations/host.ts).
//
// Must not: reach operations: they take the Host that hostOf builds.
import type { Host, HostEnv, HostIo } from '../operations/host.js';

export interface Io extends HostIo {
  env: HostEnv;
  cwd: string;
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
