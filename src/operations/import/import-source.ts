// Where `stagemig import` reads the live service from: an existing plan's backend (--from) or a
// simulator state file (--state-file), with what that plan knows that the service does not say.
//
// Must not: open the backend (run-import.ts does, through openBackendFor), or print.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../../config/index.js';
import { error, StagemigError } from '../../diag/index.js';
import { nameKey } from '../../model/index.js';
import type { BackendConfig } from '../../model/index.js';
import type { Host } from '../host.js';
import { loadDesired } from '../load-desired.js';
import type { EndpointHint } from './import-plan.js';

export interface ImportSource {
  backend: BackendConfig;
  /** The --from plan's endpoints (their passwordEnv names are never passed to pwsh). */
  endpoints: Array<{ passwordEnv: string }>;
  organization: string;
  sso: boolean;
  hints: Map<string, EndpointHint>;
  /** For the header comment, e.g. "the simulator state file .stagemig/simulator.json". */
  description: string;
}

const usage = (summary: string, hint: string) => new StagemigError([error('USAGE', summary, { hint })]);

export async function importSource(host: Pick<Host, 'cwd' | 'env'>, opts: { from?: string; stateFile?: string; organization?: string }): Promise<ImportSource> {
  if ((opts.from === undefined) === (opts.stateFile === undefined)) {
    throw usage('Say which migration service to import from: --from <plan.yaml> or --state-file <file>',
      '--from reads the service of an existing plan\'s backend (simulator or exchange-online); --state-file reads a simulator state file.');
  }
  if (opts.stateFile !== undefined) {
    const stateFile = resolve(host.cwd, opts.stateFile);
    if (!existsSync(stateFile)) throw usage(`No simulator state file at ${opts.stateFile}`, 'Pass the path of an existing simulator state file, e.g. .stagemig/simulator.json beside a plan.');
    if (opts.organization === undefined) throw usage('--state-file needs --organization <tenant>.onmicrosoft.com', 'The imported plan names its tenant; the simulator does not know it.');
    return { backend: { type: 'simulator', stateFile }, endpoints: [], organization: opts.organization, sso: false, hints: new Map(),
      description: `the simulator state file ${displayPath(stateFile, host.cwd)}` };
  }
  const { desired } = await loadDesired(host, opts.from!);
  const hints = new Map<string, EndpointHint>();
  for (const e of desired.endpoints) {
    hints.set(nameKey(e.name), { passwordEnv: e.passwordEnv, ...(e.emailAddress !== undefined ? { emailAddress: e.emailAddress } : {}) });
  }
  const what = desired.backend.type === 'simulator' ? 'simulator' : `Exchange Online tenant ${desired.organization}`;
  return { backend: desired.backend, endpoints: desired.endpoints, organization: opts.organization ?? desired.organization, sso: desired.sso, hints,
    description: `the ${what} of ${displayPath(desired.planFile, host.cwd)}` };
}
