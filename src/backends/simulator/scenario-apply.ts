// Putting a parsed scenario into the simulator's state: its faults replace the old ones; a cutover batch
// is added as a tenant would have one left from an earlier migration.
// Must not: change the state it is given (it returns a new one), print, or read the host's clock (a cutover batch is
// dated at the simulated now).
import { findBatch, nextGuid } from './lookup.js';
import type { Scenario } from './scenario-parse.js';
import type { SimFaults, SimState, SimTenant } from './state.js';

/** Pure: the state with the scenario applied, or the reason it cannot be. */
export function applyScenario(state: SimState, scenario: Scenario): { state: SimState } | { error: string } {
  const next: SimState = { ...structuredClone(state), faults: structuredClone(scenario.faults), writeCalls: 0 };
  if (scenario.tenant) next.tenant = structuredClone(scenario.tenant);
  else delete next.tenant;
  const cutover = scenario.cutoverBatch;
  if (cutover) {
    if (findBatch(next, cutover.name)) return { error: `cutoverBatch: a batch named ${cutover.name} already exists` };
    const staged = next.batches.filter((b) => b.type !== 'cutover').map((b) => b.name);
    if (staged.length > 0) {
      return { error: `cutoverBatch: staged batches exist (${staged.join(', ')}); the service never lets staged and cutover batches coexist` };
    }
    next.batches.push({
      name: cutover.name,
      guid: nextGuid(next, 'batch'),
      type: 'cutover',
      endpoint: cutover.endpoint,
      status: 'Synced',
      notificationEmails: [],
      allowUnknownColumnsInCsv: false,
      creationDateTime: next.now,
      startDateTime: next.now,
      initialSyncDateTime: next.now,
      lastSyncedDateTime: next.now,
      lastActivityAt: next.now,
      validationWarnings: [],
    });
  }
  return { state: next };
}

/** The faults and tenant settings in force, for `stagemig simulator faults` (render/simulator/faults-lines.ts words them). */
export interface FaultsInForce {
  faults: SimFaults;
  /** Write cmdlets run so far (a `failOnWriteCall` fault counts them). */
  writeCalls: number;
  tenant?: SimTenant;
  /** Cutover batches in the state (they make the service refuse staged batches). */
  cutoverBatches: string[];
}

export function faultsInForce(state: SimState): FaultsInForce {
  return {
    faults: state.faults, writeCalls: state.writeCalls, ...(state.tenant ? { tenant: state.tenant } : {}),
    cutoverBatches: state.batches.filter((b) => b.type === 'cutover').map((b) => b.name),
  };
}
