// Backends: the one interface to the migration service (simulator or Exchange Online through pwsh).
//
// Must not: print; every call to the service goes through the Backend interface.
import { error, StagemigError } from '../diag/index.js';
import type { BackendConfig } from '../model/index.js';
import type { Backend } from './backend.js';
import type { StateLockOptions } from './simulator/store.js';
import { performance } from 'node:perf_hooks';
import { withCallLog, type CallLogSink } from './call-log.js';

export type { Backend, RunResult } from './backend.js';
export type { CallLogSink } from './call-log.js';
export { PreflightRefusal, PREFLIGHT_CMDLETS, type AcceptedDomain, type CloudRecipient, type DnsLookup, type PreflightReads, type ServerTestOutcome } from './preflight.js';

export interface BackendDeps {
  now: () => Date;
  env: Readonly<Record<string, string | undefined>>;
  /** The plan's `organization` (the tenant's *.onmicrosoft.com domain); exchange-online connects to it. */
  organization?: string;
  /** Ctrl-C hook (Io.onInterrupt): the exchange-online backend then closes its session in order. */
  onInterrupt?: (cb: () => void) => () => void;
  /** The plan's CSV addresses: the simulator's directory sync mirrors them (other backends ignore them). */
  onPremisesAddresses?: readonly string[];
  /** STAGEMIG_LOG=debug / --log-file: one line per service call, secrets masked (call-log.ts). */
  log?: CallLogSink;
  /** Who holds the simulator state file's lock during each write, and how long others wait. */
  lock?: StateLockOptions;
  /** The plan's passwordEnv names: kept out of the pwsh process's environment. */
  secretEnvNames?: readonly string[];
}

/** Opens the plan's backend; with a debug log, every call (and the opening itself) is logged. */
export async function openBackend(config: BackendConfig, deps: BackendDeps): Promise<Backend> {
  const log = deps.log;
  if (!log) return openUnlogged(config, deps);
  const started = performance.now();
  const backend = await openUnlogged(config, deps);
  log(`${deps.now().toISOString()} debug backend.open ${config.type} (${Math.round(performance.now() - started)} ms) -> open`);
  return withCallLog(backend, log, deps.now);
}

/** Each backend's code is loaded only when that backend is opened (the simulator run never loads execa). */
async function openUnlogged(config: BackendConfig, deps: BackendDeps): Promise<Backend> {
  if (config.type === 'simulator') {
    const { createSimulatorBackend } = await import('./simulator/backend.js');
    return createSimulatorBackend({
      stateFile: config.stateFile, now: deps.now,
      ...(deps.lock ? { lock: deps.lock } : {}),
      ...(deps.organization ? { organization: deps.organization } : {}),
      ...(deps.onPremisesAddresses ? { onPremisesAddresses: deps.onPremisesAddresses } : {}),
    });
  }
  if (deps.organization === undefined || deps.organization.trim() === '') {
    throw new StagemigError([
      error('USAGE', 'The exchange-online backend needs the plan\'s organization', {
        hint: 'Set `organization:` in the plan to the tenant\'s *.onmicrosoft.com domain.',
      }),
    ]);
  }
  const { createExchangeOnlineBackend } = await import('./powershell/index.js');
  return createExchangeOnlineBackend({
    config,
    organization: deps.organization,
    env: deps.env,
    ...(deps.onInterrupt ? { onInterrupt: deps.onInterrupt } : {}),
    ...(deps.secretEnvNames ? { secretEnvNames: deps.secretEnvNames } : {}),
  });
}
