// The exchange-online backend (DESIGN §7): Exchange Online through one long-lived pwsh running
// powershell/bridge.ps1, connected once with app-only certificate sign-in.
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import { error, StagemigError } from '../../diag/index.js';
import type { CloudMailbox, ExchangeOnlineBackendConfig, LicensingState, LiveState } from '../../model/index.js';
import type { Backend, RunResult } from '../backend.js';
import { spawnBridge, type BridgeProcess, type BridgeSpawnOptions } from './bridge-process.js';
import { connectParameters, moduleToImport, READ_CMDLETS, WRITE_CMDLETS } from './connect.js';
import { connectFailed, EXO_MODULE, moduleFailed, readFailed, readUnexpected } from './failures.js';
import { LiveShapeError, mapLive } from './live-map.js';
import { mailboxAddresses, mapMailboxes } from './mailbox-map.js';
import { bridgeScriptPath, pwshCommand } from './locate.js';
import { pwshEnvironment } from './pwsh-env.js';
import { realSleep, type RetryOptions } from './retry.js';
import { PwshSession } from './session.js';
import {
  GRAPH_MODULES, GRAPH_READS, GRAPH_WRITE_CMDLETS, graphConnectFailed, graphConnectParameters, graphModuleFailed, graphReadFailed,
  graphWriteParameters,
} from './graph.js';
import { mapLicensing } from './graph-map.js';
import { bridgePreflight } from './preflight.js';

export { bridgeScriptPath, standInModulePath, pwshCommand } from './locate.js';
export { isThrottled, THROTTLE_DELAYS_MS } from './retry.js';

export interface ExchangeOnlineOptions {
  config: ExchangeOnlineBackendConfig;
  /** The tenant's *.onmicrosoft.com domain (the plan's `organization`). */
  organization: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Ctrl-C: close the session after the call in flight. */
  onInterrupt?: (cb: () => void) => () => void;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: RetryOptions['onRetry'];
  /** For tests: start something else than pwsh. */
  spawn?: (opts: BridgeSpawnOptions) => BridgeProcess;
  /** Every variable the plan names as a secret (passwordEnv): never copied into pwsh, whatever its prefix. */
  secretEnvNames?: readonly string[];
  startTimeoutMs?: number;
}

const PWSH_ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File'];

async function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function createExchangeOnlineBackend(opts: ExchangeOnlineOptions): Promise<Backend> {
  const { config, organization, env } = opts;
  const connect = connectParameters(config, organization, env);
  let providesGraph = false;
  const command = pwshCommand(env);
  const bridge = (opts.spawn ?? spawnBridge)({
    command,
    args: [...PWSH_ARGS, bridgeScriptPath()],
    env: pwshEnvironment(env, { exclude: [config.certificatePasswordEnv, ...(opts.secretEnvNames ?? [])] }),
  });
  const session = new PwshSession(bridge, {
    command,
    retry: { sleep: opts.sleep ?? realSleep, ...(opts.onRetry ? { onRetry: opts.onRetry } : {}) },
    ...(opts.onInterrupt ? { onInterrupt: opts.onInterrupt } : {}),
  });
  try {
    await withTimeout(bridge.hello, opts.startTimeoutMs ?? 60_000, () =>
      new StagemigError([error('BACKEND_FAILED', 'PowerShell did not start within a minute', { hint: 'Check that `pwsh -NoProfile` starts on this machine.' })]),
    ).catch((err: unknown) => {
      throw session.translate(err, 'starting');
    });
    const module = moduleToImport(config, EXO_MODULE);
    const imported = await session.call('Import-Module', { Name: module }, `loading ${module}`);
    if (!imported.ok) throw moduleFailed(module, imported);
    providesGraph = (imported.result as { providesGraph?: unknown } | null)?.providesGraph === true;
    const connected = await session.call('Connect-ExchangeOnline', connect, 'connecting');
    if (!connected.ok) throw connectFailed(organization, config.appId, connected, config.certificatePasswordEnv);
    session.connected();
  } catch (err) {
    await session.close();
    throw err;
  }
  // Microsoft Graph joins the same session the first time a run needs it (licences, seed step 7).
  let graph: Promise<void> | undefined;
  const connectGraph = async (): Promise<void> => {
    for (const m of providesGraph ? [] : GRAPH_MODULES) {
      const r = await session.call('Import-Module', { Name: m }, `loading ${m}`);
      if (!r.ok) throw graphModuleFailed(m, r);
    }
    const r = await session.call('Connect-MgGraph', graphConnectParameters(config, organization, env), 'connecting to Microsoft Graph');
    if (!r.ok) throw graphConnectFailed(organization, config.appId, r, config.certificatePasswordEnv);
    session.graphConnected();
  };
  return exchangeOnlineBackend(session, () => (graph ??= connectGraph()));
}

function exchangeOnlineBackend(session: PwshSession, ensureGraph: () => Promise<void>): Backend {
  async function read(cmdlet: (typeof READ_CMDLETS)[number] | 'Get-Recipient' | 'Get-AcceptedDomain'): Promise<unknown> {
    // Get-MigrationEndpoint has no -ResultSize; the others return 1000 objects unless told otherwise.
    const parameters: Record<string, string> = cmdlet === 'Get-MigrationEndpoint' ? {} : { ResultSize: 'Unlimited' };
    const r = await session.call(cmdlet, parameters, `running ${cmdlet}`);
    if (!r.ok) throw readFailed(cmdlet, r);
    const truncated = r.warnings.find((w) => /ResultSize/i.test(w));
    if (truncated !== undefined) throw readUnexpected(cmdlet, `The service truncated the result: ${truncated}`);
    return r.result ?? [];
  }
  // The cloud mailboxes of the last live read, until the next write: `convert` reads the live state and then
  // the mailboxes, and one Get-Mailbox serves both.
  let mailboxesSinceLastWrite: unknown;
  return {
    preflight: bridgePreflight(session, read as (cmdlet: string) => Promise<unknown>),
    async readLive(): Promise<LiveState> {
      const endpoints = await read('Get-MigrationEndpoint');
      const batches = await read('Get-MigrationBatch');
      const users = await read('Get-MigrationUser');
      // The cloud directory in one bulk read: a mailbox migrated earlier stays one after its migration record
      // is gone (the service deletes idle batches), and is then known only here.
      const mailboxes = await read('Get-Mailbox');
      mailboxesSinceLastWrite = mailboxes;
      try {
        const live = mapLive(endpoints, batches, users);
        const addresses = mailboxAddresses(mapMailboxes(mailboxes));
        if (addresses.length > 0) live.mailboxes = addresses;
        return live;
      } catch (err) {
        if (err instanceof LiveShapeError) throw readUnexpected(err.message.split(':')[0]!, err.message);
        throw err;
      }
    },
    async readMailboxes(): Promise<CloudMailbox[]> {
      const mailboxes = mailboxesSinceLastWrite ?? (await read('Get-Mailbox'));
      try {
        return mapMailboxes(mailboxes);
      } catch (err) {
        if (err instanceof LiveShapeError) throw readUnexpected('Get-Mailbox', err.message);
        throw err;
      }
    },
    async readLicensing(): Promise<LicensingState> {
      await ensureGraph();
      const results: unknown[] = [];
      for (const [cmdlet, parameters] of GRAPH_READS) {
        const r = await session.call(cmdlet, parameters, `running ${cmdlet}`);
        if (!r.ok) throw graphReadFailed(cmdlet, r);
        results.push(r.result ?? []);
      }
      const [skus, users] = results;
      try {
        return mapLicensing(skus, users);
      } catch (err) {
        if (err instanceof LiveShapeError) throw readUnexpected(err.message.split(':')[0]!, err.message);
        throw err;
      }
    },
    async run(invocation): Promise<RunResult> {
      mailboxesSinceLastWrite = undefined;
      if (GRAPH_WRITE_CMDLETS.includes(invocation.cmdlet)) {
        await ensureGraph();
        const r = await session.call(invocation.cmdlet, graphWriteParameters(invocation.parameters), `running ${invocation.cmdlet}`);
        return r.ok ? { ok: true, warnings: r.warnings } : { ok: false, error: r.error };
      }
      if (!WRITE_CMDLETS.includes(invocation.cmdlet)) return { ok: false, error: `stagemig does not run ${invocation.cmdlet}` };
      const r = await session.call(invocation.cmdlet, invocation.parameters, `running ${invocation.cmdlet}`);
      return r.ok ? { ok: true, warnings: r.warnings } : { ok: false, error: r.error };
    },
    close: () => session.close(),
  };
}
