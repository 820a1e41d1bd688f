// The one way an operation opens the migration service: always with the host's clock, environment,
// the plan's organization and the Ctrl-C hook (the exchange-online session closes in order on Ctrl-C).
//
// Must not: be bypassed. Operations call openBackendFor / withBackend, never backends' openBackend.
import { openBackend, type Backend } from '../backends/index.js';
import type { BackendConfig } from '../model/index.js';
import type { Host } from './host.js';

/** What a backend is opened for: a loaded plan, or (import --state-file) a bare backend and tenant. */
export interface BackendTarget {
  backend: BackendConfig;
  organization: string;
}

/** What the simulator's directory sync mirrors (stagemig check): the plan's CSV addresses. */
export interface BackendExtras {
  onPremisesAddresses?: readonly string[];
}

export function openBackendFor(host: Host, target: BackendTarget, extras: BackendExtras = {}): Promise<Backend> {
  return openBackend(target.backend, {
    now: host.clock.now, env: host.env, organization: target.organization, onInterrupt: host.onInterrupt,
    ...(host.log ? { log: host.log } : {}),
    ...(extras.onPremisesAddresses ? { onPremisesAddresses: extras.onPremisesAddresses } : {}),
    ...(host.lock ? { lock: host.lock } : {}),
    ...('endpoints' in target ? { secretEnvNames: (target as { endpoints: Array<{ passwordEnv: string }> }).endpoints.map((e) => e.passwordEnv) } : {}),
  });
}

/** Opens the backend, runs `use`, and closes the backend whatever happens. */
export async function withBackend<T>(host: Host, target: BackendTarget, use: (backend: Backend) => Promise<T>, extras: BackendExtras = {}): Promise<T> {
  const backend = await openBackendFor(host, target, extras);
  try {
    return await use(backend);
  } finally {
    await backend.close();
  }
}
