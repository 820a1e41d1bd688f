// Backends: the one interface to the migration service (simulator or Exchange Online through pwsh).
import { error, StagemigError } from '../diag/index.js';
import type { BackendConfig } from '../model/index.js';
import type { Backend } from './backend.js';
import { createSimulatorBackend } from './simulator/index.js';

export type { Backend, RunResult } from './backend.js';

export interface BackendDeps {
  now: () => Date;
  env: Readonly<Record<string, string | undefined>>;
}

export async function openBackend(config: BackendConfig, deps: BackendDeps): Promise<Backend> {
  if (config.type === 'simulator') return createSimulatorBackend({ stateFile: config.stateFile, now: deps.now });
  throw new StagemigError([
    error('BACKEND_FAILED', 'The exchange-online backend is not available in this build', {
      hint: 'Use `backend: {type: simulator}` to rehearse the plan.',
    }),
  ]);
}
