// The embedded simulator of the Exchange Online migration service: a Backend over a JSON state file,
// and a pure engine API (state in, state out) usable by other front ends.
import type { Backend, RunResult } from '../backend.js';
import type { Invocation, LiveState } from '../../model/index.js';
import { invokeCmdlet } from './invoke.js';
import { toLiveState } from './live.js';
import { emptyState } from './state.js';
import { loadState, saveState } from './store.js';

export type SimulatorBackend = Backend & {
  /** Service reads made so far: three per readLive (endpoints, batches, users). */
  readonly readCalls: number;
};

export function createSimulatorBackend({ stateFile, now }: { stateFile: string; now: () => Date }): SimulatorBackend {
  let readCalls = 0;
  return {
    get readCalls() {
      return readCalls;
    },
    async readLive(): Promise<LiveState> {
      const state = await loadState(stateFile);
      readCalls += 3; // Get-MigrationEndpoint; Get-MigrationBatch and Get-MigrationUser -ResultSize Unlimited
      return toLiveState(state);
    },
    async run(invocation: Invocation): Promise<RunResult> {
      const state = (await loadState(stateFile)) ?? emptyState(now());
      const outcome = invokeCmdlet(state, invocation, { inPlace: true });
      if (outcome.changed) await saveState(stateFile, outcome.state);
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
