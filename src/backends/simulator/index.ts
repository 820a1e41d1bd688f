// The embedded simulator of the Exchange Online migration service: a Backend over a JSON state file,
// and a pure engine API (state in, state out) usable by other front ends.
import { stat } from 'node:fs/promises';
import type { Backend, RunResult } from '../backend.js';
import type { Invocation, LiveState } from '../../model/index.js';
import { invokeCmdlet } from './invoke.js';
import { toLiveState } from './live.js';
import { emptyState, type SimState } from './state.js';
import { loadState, saveState } from './store.js';

export type SimulatorBackend = Backend & {
  /** Service reads made so far: three per readLive (endpoints, batches, users). */
  readonly readCalls: number;
};

/** Identity of one version of the state file; a rename-based write always changes it. */
async function fileVersion(file: string): Promise<string | undefined> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function createSimulatorBackend({ stateFile, now }: { stateFile: string; now: () => Date }): SimulatorBackend {
  let readCalls = 0;
  // The last state read or written, reused while the file is unchanged (large states parse slowly).
  let cache: { version: string; state: SimState } | undefined;
  const load = async (): Promise<SimState | undefined> => {
    const version = await fileVersion(stateFile);
    if (version === undefined) return (cache = undefined);
    if (cache?.version === version) return cache.state;
    const state = await loadState(stateFile);
    cache = state ? { version, state } : undefined;
    return state;
  };
  return {
    get readCalls() {
      return readCalls;
    },
    async readLive(): Promise<LiveState> {
      const state = await load();
      readCalls += 3; // Get-MigrationEndpoint; Get-MigrationBatch and Get-MigrationUser -ResultSize Unlimited
      return toLiveState(state);
    },
    async run(invocation: Invocation): Promise<RunResult> {
      const state = (await load()) ?? emptyState(now());
      const outcome = invokeCmdlet(state, invocation, { inPlace: true });
      cache = undefined; // a refusal may have left the in-place state half-changed
      if (outcome.changed) {
        await saveState(stateFile, outcome.state);
        const version = await fileVersion(stateFile);
        if (version !== undefined) cache = { version, state: outcome.state };
      }
      return outcome.result;
    },
    async close(): Promise<void> {},
  };
}

export { invokeCmdlet, notRecognized, type InvokeOutcome, type SimInvocation } from './invoke.js';
export { advanceInPlace, advanceState } from './clock.js';
export { readBatches, readEndpoints, readUsers, toLiveState } from './live.js';
export { emptyState, isoSeconds, type SimBatch, type SimEndpoint, type SimFaults, type SimState, type SimUser } from './state.js';
export { deleteState, loadState, saveState } from './store.js';
export { setSimulatorFault, withFaults, type FaultSettings } from './faults.js';
export { formatDuration, parseDuration } from './duration.js';
export { T as SERVICE_TEXTS } from './texts.js';
export * as timing from './timing.js';
