// `stagemig simulator status|reset|advance|faults` as use cases: the embedded simulator of the plan,
// read or changed under its state lock. Each returns what happened for render/simulator/simulator-view.ts.
//
// Must not: print, or touch a plan whose backend is not the simulator (a usage error says so).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { forgetApplied } from '../apply/applied/index.js';
import {
  advanceInPlace, applyScenario, DEFAULT_STATE_LOCK, deleteState, emptyState, faultsInForce, loadState, parseScenario, saveState,
  toLiveState, withStateLock, type FaultsInForce,
} from '../backends/simulator/index.js';
import { displayPath } from '../config/index.js';
import { error, StagemigError, type Diagnostic } from '../diag/index.js';
import { parseDuration, type DesiredState, type LiveState, type SimulatorBackendConfig } from '../model/index.js';
import type { Host } from './host.js';
import { loadDesired } from './load-desired.js';

export interface SimulatorPlan {
  desired: DesiredState & { backend: SimulatorBackendConfig };
  warnings: Diagnostic[];
}

/** What `stagemig simulator status` shows (and advance after moving the clock). */
export interface SimulatorSnapshot {
  /** The simulated clock, or undefined when there is no state file yet. */
  now?: string;
  stateFile: string;
  live: LiveState;
}

const stateLock = (host: Host) => host.lock ?? DEFAULT_STATE_LOCK;

/** Saves the state; a write that fails (the file is left as it was) is a clear error naming the file, not an internal one. */
async function saveOrExplain(host: Host, stateFile: string, state: Parameters<typeof saveState>[1]): Promise<void> {
  try {
    await saveState(stateFile, state);
  } catch (err) {
    const cause = ((err as Error).cause ?? err) as NodeJS.ErrnoException;
    const file = displayPath(stateFile, host.cwd);
    throw new StagemigError([error('FILE_WRITE', `The simulator state file ${file} cannot be written (${cause.code ?? cause.message}); nothing was changed`, {
      hint: `Make ${displayPath(dirname(stateFile), host.cwd)} a folder stagemig can write to and ${file} a regular file with a name the file system accepts `
        + '(or set backend.stateFile to another path), then run the command again.',
    })]);
  }
}

/** Runs `use`; an error it aborts with still carries the plan's warnings (the view prints both). */
async function keepingWarnings<T>(warnings: readonly Diagnostic[], use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } catch (err) {
    if (err instanceof StagemigError && warnings.length > 0) throw new StagemigError([...warnings, ...err.diagnostics]);
    throw err;
  }
}

/** The plan, when it loads and uses the simulator; otherwise a usage error. */
export async function simulatorPlan(host: Host, planPath: string): Promise<SimulatorPlan> {
  const { desired, warnings } = await loadDesired(host, planPath);
  if (desired.backend.type !== 'simulator') {
    throw new StagemigError([...warnings, error('USAGE', `The plan ${planPath} uses the ${desired.backend.type} backend, not the simulator.`, {
      hint: 'stagemig simulator commands work only with `backend: {type: simulator}`.',
    })]);
  }
  return { desired: { ...desired, backend: desired.backend }, warnings };
}

export async function simulatorStatus(host: Host, planPath: string): Promise<{ warnings: Diagnostic[]; snapshot: SimulatorSnapshot }> {
  const { desired, warnings } = await simulatorPlan(host, planPath);
  const stateFile = desired.backend.stateFile;
  const state = await loadState(stateFile);
  return { warnings, snapshot: { ...(state ? { now: state.now } : {}), stateFile, live: toLiveState(state) } };
}

export interface ResetResult {
  warnings: Diagnostic[];
  stateFile: string;
  /** A state file was there and is gone. */
  deleted: boolean;
  /** The last-applied record deleted with it, if there was one. */
  record?: string;
}

export async function simulatorReset(host: Host, planPath: string): Promise<ResetResult> {
  const { desired, warnings } = await simulatorPlan(host, planPath);
  const stateFile = desired.backend.stateFile;
  const deleted = await keepingWarnings(warnings, () => withStateLock(stateFile, stateLock(host), () => deleteState(stateFile)));
  // The service is empty now: what stagemig last applied to it no longer describes anything.
  const record = await forgetApplied(desired);
  return { warnings, stateFile, deleted, ...(record ? { record } : {}) };
}

export interface AdvanceResult {
  warnings: Diagnostic[];
  byMs: number;
  from: string;
  snapshot: SimulatorSnapshot;
}

export async function simulatorAdvance(host: Host, planPath: string, durationText: string): Promise<AdvanceResult> {
  const byMs = parseDuration(durationText);
  if (byMs === undefined) {
    throw new StagemigError([error('USAGE', `Invalid duration "${durationText}".`, {
      hint: 'Use whole numbers with the units d, h, m and s, largest first: 90s, 30m, 6h, 2d or 1h30m.',
    })]);
  }
  const { desired, warnings } = await simulatorPlan(host, planPath);
  const stateFile = desired.backend.stateFile;
  const { state, from } = await keepingWarnings(warnings, () => withStateLock(stateFile, stateLock(host), async () => {
    const s = (await loadState(stateFile)) ?? emptyState(host.clock.now());
    const before = s.now;
    advanceInPlace(s, byMs);
    await saveOrExplain(host, stateFile, s);
    return { state: s, from: before };
  }));
  return { warnings, byMs, from, snapshot: { now: state.now, stateFile, live: toLiveState(state) } };
}

export interface FaultsResult {
  warnings: Diagnostic[];
  /** What was asked: show the faults, declare a scenario's, or clear them. */
  action: 'show' | 'declare' | 'clear';
  /** The faults and tenant settings in force afterwards. */
  faults: FaultsInForce;
}

async function readScenario(host: Host, path: string) {
  const abs = resolve(host.cwd, path);
  const file = displayPath(abs, host.cwd);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    throw new StagemigError([error('FILE_NOT_FOUND', `Scenario file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'Pass the path of a YAML or JSON scenario file; see "Faults" in the README.',
    })]);
  }
  const { scenario, diagnostics } = parseScenario(text, file);
  if (!scenario) throw new StagemigError(diagnostics);
  return scenario;
}

export async function simulatorFaults(host: Host, planPath: string, scenarioPath: string | undefined, opts: { clear: boolean }): Promise<FaultsResult> {
  const { desired, warnings } = await simulatorPlan(host, planPath);
  const stateFile = desired.backend.stateFile;
  return keepingWarnings(warnings, async () => {
    if (scenarioPath !== undefined && opts.clear) throw new StagemigError([error('USAGE', 'Give either a scenario file or --clear, not both')]);
    if (scenarioPath === undefined && !opts.clear) {
      return { warnings, action: 'show', faults: faultsInForce((await loadState(stateFile)) ?? emptyState(host.clock.now())) };
    }
    const scenario = scenarioPath === undefined ? { faults: {} } : await readScenario(host, scenarioPath);
    const outcome = await withStateLock(stateFile, stateLock(host), async () => {
      const applied = applyScenario((await loadState(stateFile)) ?? emptyState(host.clock.now()), scenario);
      if ('error' in applied) throw new StagemigError([error('USAGE', `Cannot apply the scenario: ${applied.error}`)]);
      await saveOrExplain(host, stateFile, applied.state);
      return applied;
    });
    return { warnings, action: scenarioPath === undefined ? 'clear' : 'declare', faults: faultsInForce(outcome.state) };
  });
}
