// The embedded simulator of the Exchange Online migration service: a Backend over a JSON state file,
// and a pure engine API (state in, state out) usable by other front ends.
// Must not: hold code (re-exports only). It loads the whole engine, so backends/index.ts opens backend.ts directly.
export { createSimulatorBackend, type SimulatorBackend, type SimulatorBackendOptions } from './backend.js';

export { readAcceptedDomains, readRecipients, testMigrationServer, type OnPremises } from './preflight.js';
export { invokeCmdlet, notRecognized, type InvokeOutcome, type SimInvocation } from './invoke.js';
export { advanceInPlace, advanceState, nextEventAt } from './clock.js';
export { readBatches, readEndpoints, readUsers, reportedStatus, toLiveState } from './live.js';
export { readCloudMailboxes, routingDomain } from './cloud-mailboxes.js';
export {
  emptyState, isoSeconds, type SimBatch, type SimEndpoint, type SimFaults, type SimRecipientKind, type SimState, type SimUser,
} from './state.js';
export { DEFAULT_STATE_LOCK, deleteState, loadState, saveState, withStateLock, type StateLockOptions } from './store.js';
export { setSimulatorFault, withFaults, type FaultSettings } from './faults.js';
export { parseScenario, type Scenario } from './scenario-parse.js';
export { applyScenario, faultsInForce, type FaultsInForce } from './scenario-apply.js';
export { FAILURE_KINDS } from './mailbox-failures.js';
export { cloudDirectory, RECIPIENT_TYPE_DETAILS, type CloudDirectory, type CloudRecipientType } from './directory.js';
export { T as SERVICE_TEXTS } from './texts.js';
export * as timing from './timing.js';
