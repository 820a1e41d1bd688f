// Fault injection for tests and rehearsals: a failing write call, failing mailboxes, an unreachable source.
import { emptyState, type SimFaults, type SimState } from './state.js';
import { loadState, saveState } from './store.js';

export interface FaultSettings {
  /** The Nth write cmdlet from now on fails with `message` (and changes nothing). */
  failOnWriteCall?: number;
  message?: string;
  /** Mailbox → ErrorSummary: the user ends Failed (its batch SyncedWithErrors). */
  failMailboxes?: Record<string, string>;
  endpointUnreachable?: boolean;
}

/** Pure: the state with the given faults set (keys not given are kept). Arming a write fault resets the counter. */
export function withFaults(state: SimState, settings: FaultSettings): SimState {
  const faults: SimFaults = { ...state.faults };
  if ('failOnWriteCall' in settings) {
    if (settings.failOnWriteCall === undefined) delete faults.failOnWriteCall;
    else faults.failOnWriteCall = settings.failOnWriteCall;
    if (settings.message === undefined) delete faults.message;
    else faults.message = settings.message;
  }
  if (settings.failMailboxes !== undefined) faults.failMailboxes = { ...settings.failMailboxes };
  if (settings.endpointUnreachable !== undefined) faults.endpointUnreachable = settings.endpointUnreachable;
  const writeCalls = 'failOnWriteCall' in settings ? 0 : state.writeCalls;
  return { ...state, faults, writeCalls };
}

/** Sets faults in a state file (creating an empty service at `now()` when there is none). */
export async function setSimulatorFault(
  stateFile: string,
  settings: FaultSettings,
  now: () => Date = () => new Date(),
): Promise<void> {
  const state = (await loadState(stateFile)) ?? emptyState(now());
  await saveState(stateFile, withFaults(state, settings));
}
