// Fault injection for tests and rehearsals: a failing (throttled) write call, failing mailboxes, an
// endpoint that cannot be verified, a batch that turns Corrupted.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { SimEndpointFailure, SimFaults, SimMailboxFault, SimState } from './state.js';
import { emptyState } from './state.js';
import { DEFAULT_STATE_LOCK, loadState, saveState, withStateLock } from './store.js';

export interface FaultSettings {
  /** The Nth write cmdlet from now on fails with `message` (and changes nothing). */
  failOnWriteCall?: number;
  message?: string;
  /** Mailbox → ErrorSummary (fails every attempt at provisioning) or a full mailbox fault. */
  failMailboxes?: Record<string, string | SimMailboxFault>;
  endpointUnreachable?: boolean;
  /** How New-/Set-MigrationEndpoint verification fails; null clears it. */
  endpointFailure?: SimEndpointFailure | null;
  /** Batch name → milliseconds after it starts syncing when it turns Corrupted. */
  corruptBatches?: Record<string, number>;
  /** Status values the reads report instead (see SimFaults.unknownStatus); keys any case. */
  unknownStatus?: { batches?: Record<string, string>; users?: Record<string, string> };
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
  if (settings.endpointFailure === null) delete faults.endpointFailure;
  else if (settings.endpointFailure !== undefined) faults.endpointFailure = settings.endpointFailure;
  if (settings.corruptBatches !== undefined) {
    faults.corruptBatches = Object.fromEntries(Object.entries(settings.corruptBatches).map(([k, v]) => [k.toLowerCase(), v]));
  }
  if (settings.unknownStatus !== undefined) {
    const lower = (m: Record<string, string> | undefined) => Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    faults.unknownStatus = { batches: lower(settings.unknownStatus.batches), users: lower(settings.unknownStatus.users) };
  }
  const writeCalls = 'failOnWriteCall' in settings ? 0 : state.writeCalls;
  return { ...state, faults, writeCalls };
}

/** Sets faults in a state file (creating an empty service at `now()` when there is none). */
export async function setSimulatorFault(
  stateFile: string,
  settings: FaultSettings,
  now: () => Date = () => new Date(),
): Promise<void> {
  await withStateLock(stateFile, DEFAULT_STATE_LOCK, async () => {
    const state = (await loadState(stateFile)) ?? emptyState(now());
    await saveState(stateFile, withFaults(state, settings));
  });
}
