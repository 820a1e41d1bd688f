// The embedded simulator as a Backend over a JSON state file (see index.ts for the engine API).
// Must not: load the cmdlet engine or the clock before a write or a clock move needs them (a plan only
// reads: it starts faster without them).
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Backend, RunResult, SimulatedClock } from '../backend.js';
import type { CloudMailbox, Invocation, LicensingState, LiveState } from '../../model/index.js';
import { PreflightRefusal } from '../preflight.js';
import { readCloudMailboxes } from './cloud-mailboxes.js';
import { readLicensing } from './licensing.js';
import { readAcceptedDomains, readRecipients, testMigrationServer, type OnPremises } from './preflight.js';
import { CmdletError } from './params.js';
import { simulatedDns } from './dns.js';
import { toLiveState } from './live.js';
import { emptyState, ms, type SimState } from './state.js';
import { DEFAULT_STATE_LOCK, loadState, saveState, withStateLock, type StateLockOptions } from './store.js';

/** The cmdlet engine and the clock, loaded on first use. */
const engine = async () => import('./invoke.js');
const simClock = async () => import('./clock.js');

/** The simulator has every optional part of a backend (Graph reads, stagemig check's reads, batched writes). */
export type SimulatorBackend = Backend & Required<Pick<Backend, 'readLicensing' | 'preflight' | 'batchWrites'>> & {
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
  /** Who holds the state file's lock during each write, and how long others wait. */
  lock?: StateLockOptions;
}

export function createSimulatorBackend({ stateFile, now, organization, onPremisesAddresses, lock = DEFAULT_STATE_LOCK }: SimulatorBackendOptions): SimulatorBackend {
  const onPremises: OnPremises = { organization: organization ?? '', addresses: onPremisesAddresses ?? [] };
  let readCalls = 0;
  // The last state read or written, reused while the file is unchanged (large states parse slowly).
  let cache: { version: string; state: SimState } | undefined;
  // Changes not yet saved, and how to redo them from the file (see `run`). Saving the whole state after
  // every step made apply quadratic (step k writes k batches); inside batchWrites (apply's steps) a save
  // happens once the work done since the last one is 4× what that save cost (saving stays under a fifth
  // of the time), and at the end. Outside it every change is saved at once.
  let dirty: { state: SimState; since: number; redo: Array<(s: SimState) => void> } | undefined;
  let lastSaveMs = 0;
  let batching = false;
  // True while batchWrites holds the state file's lock (the lock is not re-entrant).
  let held = false;
  const locked = <T>(fn: () => Promise<T>): Promise<T> => (held ? fn() : withStateLock(stateFile, lock, fn));
  const load = async (): Promise<SimState | undefined> => {
    if (dirty) return dirty.state;
    const version = await fileVersion(stateFile);
    if (version === undefined) return (cache = undefined);
    if (cache?.version === version) return cache.state;
    const state = await loadState(stateFile);
    cache = state ? { version, state } : undefined;
    return state;
  };
  const save = async (state: SimState): Promise<void> => {
    const started = performance.now();
    dirty = undefined;
    await saveState(stateFile, state);
    const version = await fileVersion(stateFile);
    cache = version === undefined ? undefined : { version, state };
    lastSaveMs = performance.now() - started;
  };
  const flush = async (): Promise<void> => {
    if (dirty) await save(dirty.state);
  };
  /** Records an in-place change (and how to redo it); saves when it is time to. */
  const changed = async (state: SimState, redo: (s: SimState) => void): Promise<void> => {
    if (!batching) return save(state);
    if (!dirty) {
      if (!(await fileVersion(stateFile))) return save(state); // the first change creates the file, the base to redo from
      dirty = { state, since: performance.now(), redo: [] };
    }
    dirty.state = state;
    dirty.redo.push(redo);
    if (performance.now() - dirty.since >= 4 * lastSaveMs) await flush();
  };
  /** After a refusal the in-place state may be half-changed: rebuild it from the file and the unsaved changes. */
  const rebuild = async (): Promise<void> => {
    if (!dirty) return void (cache = undefined);
    const state = (await loadState(stateFile))!;
    for (const redo of dirty.redo) redo(state);
    dirty.state = state;
  };
  const clock: SimulatedClock = {
    now: async () => new Date((await load())?.now ?? now()),
    nextChangeIn: async () => {
      const { nextEventAt } = await simClock();
      const state = await load();
      const at = state ? nextEventAt(state) : undefined;
      return state === undefined || at === undefined ? undefined : Math.max(0, at - ms(state.now));
    },
    advance: (byMs) => locked(async () => {
      const { advanceInPlace } = await simClock();
      const state = (await load()) ?? emptyState(now());
      advanceInPlace(state, byMs);
      await changed(state, (s) => advanceInPlace(s, byMs));
    }),
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
    run: (invocation: Invocation): Promise<RunResult> => locked(async () => {
      const { invokeCmdlet } = await engine();
      const state = (await load()) ?? emptyState(now());
      const latency = state.faults.writeLatencyMs;
      if (latency !== undefined && latency > 0) await new Promise((r) => setTimeout(r, latency));
      const outcome = invokeCmdlet(state, invocation, { inPlace: true });
      if (outcome.result.ok) {
        await changed(outcome.state, (s) => {
          const redone = invokeCmdlet(s, invocation, { inPlace: true });
          if (redone.state !== s) Object.assign(s, redone.state); // a fault armed: the cmdlet ran on a copy
        });
      } else {
        await rebuild(); // a refusal may have left the in-place state half-changed
        if (outcome.changed) await save(outcome.state); // a fault fired: only its counter moved
      }
      return outcome.result;
    }),
    /** Holds the state file's lock for the whole batch: unsaved changes must not race another process. */
    async batchWrites<T>(work: () => Promise<T>): Promise<T> {
      if (held) return work();
      return withStateLock(stateFile, lock, async () => {
        held = true;
        batching = true;
        try {
          return await work();
        } finally {
          batching = false;
          try {
            await flush();
          } finally {
            held = false;
          }
        }
      });
    },
    /** Saves what is not saved yet. */
    async close(): Promise<void> {
      await flush();
    },
  };
}
