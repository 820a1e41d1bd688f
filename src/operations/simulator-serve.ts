// `stagemig simulator serve` as a use case: the simulator over HTTP on 127.0.0.1 for the
// StagemigSimulator PowerShell module, until Ctrl-C. Reports through the events its command passes:
// listening (URL, state file, the module's path), each call, stopped.
//
// Must not: print, or listen anywhere but 127.0.0.1 (the server answers only its secret URL).
import { dirname, join, resolve } from 'node:path';
import { standInModulePath } from '../backends/powershell/index.js';
import { startSimulatorServer } from '../backends/simulator-server/index.js';
import { DEFAULT_STATE_LOCK, type OnPremises } from '../backends/simulator/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Host } from './host.js';
import { loadDesired } from './load-desired.js';

export interface ServeArgs {
  planPath: string;
  /** 0: a free port. */
  port: number;
  /** --state-file: serve this file; the plan is not read. */
  stateFile?: string;
  /** --quiet: no event per call. */
  quiet: boolean;
}

export interface ServeEvents {
  loaded: (warnings: readonly Diagnostic[]) => void;
  listening: (s: { url: string; stateFile: string; modulePath: string }) => void;
  request: (at: Date, cmdlet: string, ok: boolean) => void;
  stopped: () => void;
}

/**
 * The plan's simulator state file (for an exchange-online plan, the simulator's default file beside it), its
 * tenant, and the on-premises organization that the simulated directory sync mirrors: the plan's addresses.
 */
async function servedPlan(host: Host, planPath: string, events: ServeEvents): Promise<{ stateFile: string; organization: string; onPremises: OnPremises }> {
  const { desired, warnings } = await loadDesired(host, planPath);
  events.loaded(warnings);
  const stateFile = desired.backend.type === 'simulator' ? desired.backend.stateFile : join(dirname(desired.planFile), '.stagemig', 'simulator.json');
  const onPremises = { organization: desired.organization, addresses: desired.batches.flatMap((b) => b.users.map((u) => u.email)) };
  return { stateFile, organization: desired.organization, onPremises };
}

export async function runSimulatorServe(host: Host, args: ServeArgs, events: ServeEvents): Promise<void> {
  // With --state-file the plan is not read: the tenant then comes from Connect-ExchangeOnline -Organization,
  // and the simulated directory holds only what the service itself created.
  const plan = args.stateFile !== undefined ? { stateFile: resolve(host.cwd, args.stateFile) } : await servedPlan(host, args.planPath, events);
  const server = await startSimulatorServer({
    stateFile: plan.stateFile,
    ...('organization' in plan ? { organization: plan.organization, onPremises: plan.onPremises } : {}),
    now: host.clock.now,
    lock: host.lock ?? DEFAULT_STATE_LOCK,
    port: args.port,
    onRequest: args.quiet ? undefined : (cmdlet, ok) => events.request(host.clock.now(), cmdlet, ok),
  });
  events.listening({ url: server.url, stateFile: plan.stateFile, modulePath: standInModulePath() });
  await new Promise<void>((resolve) => {
    const unhook = host.onInterrupt(() => {
      unhook();
      resolve();
    });
  });
  await server.close();
  events.stopped();
}
