// The embedded simulator of the Exchange Online migration service: a Backend over a JSON state file,
// and a pure engine API (state in, state out) usable by other front ends.
import { stat } from 'node:fs/promises';
import type { Backend, RunResult, SimulatedClock } from '../backend.js';
import type { CloudMailbox, Invocation, LicensingState, LiveState } from '../../model/index.js';
import { PreflightRefusal } from '../preflight.js';
import { advanceInPlace, nextEventAt } from './clock.js';
import { readCloudMailboxes } from './cloud-mailboxes.js';
import { readLicensing } from './licensing.js';
import { invokeCmdlet } from './invoke.js';
import { readAcceptedDomains, readRecipients, testMigrationServer, type OnPremises } from './preflight.js';
import { CmdletError } from './params.js';
import { simulatedDns } from './dns.js';
import { toLiveState } from './live.js';
import { emptyState, ms, type SimState } from './state.js';
import { loadState, saveState } from './store.js';

export type SimulatorBackend = Backend & {
  /** Service reads made so far: three per readLive (endpoints, batches, users), one per readMailboxes or preflight read. */
  readonly readCalls: number;
  readonly clock: SimulatedClock;
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

export interface SimulatorBackendOptions {
  stateFile: string;
  now: () => Date;
  /** The plan's tenant (*.onmicrosoft.com): the domain of the mailboxes' routing addresses. */
  organization?: string;
  /** The plan's CSV addresses: what directory sync mirrors into the simulated tenant (stagemig check). */
  onPremisesAddresses?: readonly string[];
}

export function createSimulatorBackend({ stateFile, now, organization, onPremisesAddresses }: SimulatorBackendOptions): SimulatorBackend {
  const onPremises: OnPremises = { organization: organization ?? '', addresses: onPremisesAddresses ?? [] };
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
  const save = async (state: SimState): Promise<void> => {
    await saveState(stateFile, state);
    const version = await fileVersion(stateFile);
    cache = version === undefined ? undefined : { version, state };
  };
  const clock: SimulatedClock = {
    now: async () => new Date((await load())?.now ?? now()),
    nextChangeIn: async () => {
      const state = await load();
      const at = state ? nextEventAt(state) : undefined;
      return state === undefined || at === undefined ? undefined : Math.max(0, at - ms(state.now));
    },
    advance: async (byMs) => {
      const state = (await load()) ?? emptyState(now());
      advanceInPlace(state, byMs);
      await save(state);
    },
  };
  return {
    clock,
    get readCalls() {
      return readCalls;
    },
    async readLive(): Promise<LiveState> {
      const state = await load();
      readCalls += 3; // Get-MigrationEndpoint; Get-MigrationBatch and Get-MigrationUser -ResultSize Unlimited
      return toLiveState(state);
    },
    async readLicensing(): Promise<LicensingState> {
      const state = await load();
      readCalls += 2; // Get-MgSubscribedSku -All; Get-MgUser -All -Property ...
      return readLicensing(state);
    },
    async readMailboxes(): Promise<CloudMailbox[]> {
      const state = await load();
      readCalls += 1; // Get-Mailbox -ResultSize Unlimited
      return readCloudMailboxes(state, organization);
    },
    preflight: {
      dns: simulatedDns(load),
      async testMigrationServer(parameters) {
        readCalls += 1;
        try {
          return testMigrationServer(await load(), parameters);
        } catch (err) {
          if (err instanceof CmdletError) throw new PreflightRefusal('Test-MigrationServerAvailability', err.message);
          throw err;
        }
      },
      async readRecipients() {
        readCalls += 1;
        return readRecipients(await load(), onPremises);
      },
      async readAcceptedDomains() {
        readCalls += 1;
        return readAcceptedDomains(await load(), onPremises);
      },
    },
    async run(invocation: Invocation): Promise<RunResult> {
      const state = (await load()) ?? emptyState(now());
      const outcome = invokeCmdlet(state, invocation, { inPlace: true });
      cache = undefined; // a refusal may have left the in-place state half-changed
      if (outcome.changed) await save(outcome.state);
      return outcome.result;
    },
    async close(): Promise<void> {},
  };
}

export { readAcceptedDomains, readRecipients, testMigrationServer, type OnPremises } from './preflight.js';
export { invokeCmdlet, notRecognized, type InvokeOutcome, type SimInvocation } from './invoke.js';
export { advanceInPlace, advanceState, nextEventAt } from './clock.js';
export { readBatches, readEndpoints, readUsers, toLiveState } from './live.js';
export { readCloudMailboxes, routingDomain } from './cloud-mailboxes.js';
export { emptyState, isoSeconds, type SimBatch, type SimEndpoint, type SimFaults, type SimState, type SimUser } from './state.js';
export { deleteState, loadState, saveState } from './store.js';
export { setSimulatorFault, withFaults, type FaultSettings } from './faults.js';
export { parseScenario, type Scenario } from './scenario-parse.js';
export { applyScenario, describeFaults } from './scenario-apply.js';
export { FAILURE_KINDS } from './mailbox-failures.js';
export { T as SERVICE_TEXTS } from './texts.js';
export * as timing from './timing.js';
