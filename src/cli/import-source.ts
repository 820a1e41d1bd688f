// Where `stagemig import` reads the live service from: an existing plan's backend (--from) or a
// simulator state file (--state-file).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath, loadPlan } from '../config/index.js';
import { error, hasErrors, StagemigError } from '../diag/index.js';
import type { EndpointHint } from '../operations/import/index.js';
import { nameKey } from '../model/index.js';
import type { BackendConfig } from '../model/index.js';
import type { Io } from './io.js';

export interface ImportSource {
  backend: BackendConfig;
  organization: string;
  sso: boolean;
  hints: Map<string, EndpointHint>;
  /** For the header comment, e.g. "the simulator state file .stagemig/simulator.json". */
  description: string;
}

const usage = (summary: string, hint: string) => new StagemigError([error('USAGE', summary, { hint })]);

export async function importSource(io: Io, opts: { from?: string; stateFile?: string; organization?: string }): Promise<ImportSource> {
  if ((opts.from === undefined) === (opts.stateFile === undefined)) {
    throw usage('Say which migration service to import from: --from <plan.yaml> or --state-file <file>',
      '--from reads the service of an existing plan\'s backend (simulator or exchange-online); --state-file reads a simulator state file.');
  }
  if (opts.stateFile !== undefined) {
    const stateFile = resolve(io.cwd, opts.stateFile);
    if (!existsSync(stateFile)) throw usage(`No simulator state file at ${opts.stateFile}`, 'Pass the path of an existing simulator state file, e.g. .stagemig/simulator.json beside a plan.');
    if (opts.organization === undefined) throw usage('--state-file needs --organization <tenant>.onmicrosoft.com', 'The imported plan names its tenant; the simulator does not know it.');
    return { backend: { type: 'simulator', stateFile }, organization: opts.organization, sso: false, hints: new Map(),
      description: `the simulator state file ${displayPath(stateFile, io.cwd)}` };
  }
  const { desired, diagnostics } = await loadPlan(opts.from!, { cwd: io.cwd });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  const hints = new Map<string, EndpointHint>();
  for (const e of desired.endpoints) {
    hints.set(nameKey(e.name), { passwordEnv: e.passwordEnv, ...(e.emailAddress !== undefined ? { emailAddress: e.emailAddress } : {}) });
  }
  const what = desired.backend.type === 'simulator' ? 'simulator' : `Exchange Online tenant ${desired.organization}`;
  return { backend: desired.backend, organization: opts.organization ?? desired.organization, sso: desired.sso, hints,
    description: `the ${what} of ${displayPath(desired.planFile, io.cwd)}` };
}
