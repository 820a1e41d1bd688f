import type { Invocation, LiveState } from '../model/index.js';

export type RunResult = { ok: true; warnings: string[] } | { ok: false; error: string };

/** The one interface to the migration service. */
export interface Backend {
  /** Reads endpoints, batches and users: a constant number of service calls whatever the size. */
  readLive(): Promise<LiveState>;
  /** Runs one write cmdlet. A refusal by the service is `{ok: false}`, not an exception. */
  run(invocation: Invocation): Promise<RunResult>;
  /** Ends the session (no-op for the simulator). */
  close(): Promise<void>;
}
