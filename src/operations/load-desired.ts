// The one way an operation loads a plan YAML: every problem in the files comes back as diagnostics
// (errors abort with StagemigError, warnings are returned for the command's view to print).
// `warnUnsetSecrets`: warn about unset passwordEnv variables (plan does; apply checks them and refuses).
// `digestInputs`: hash each input file from the bytes parsed (desired.inputDigests; plan --out).
//
// loadPlanResult gives the same load without aborting: validate reports the errors as its result, and
// a saved plan compares the digests of the inputs before it reports their errors.
//
// Must not: print, or be bypassed: operations (and what they call) load plans only through this file.
import { loadPlan, type LoadPlanResult } from '../config/index.js';
import { hasErrors, StagemigError, type Diagnostic } from '../diag/index.js';
import type { DesiredState } from '../model/index.js';
import type { Host } from './host.js';

export interface LoadedDesired {
  desired: DesiredState;
  /** Warnings found while loading (errors abort instead). */
  warnings: Diagnostic[];
}

export interface LoadOptions { warnUnsetSecrets?: boolean; allowCsvOutside?: boolean; digestInputs?: boolean }

/** Every diagnostic of the plan and its CSVs (errors included), the desired state when there are none, and the digests asked for. */
export function loadPlanResult(host: Pick<Host, 'cwd' | 'env'>, planPath: string, opts: LoadOptions = {}): Promise<LoadPlanResult> {
  return loadPlan(planPath, {
    cwd: host.cwd, allowCsvOutside: opts.allowCsvOutside === true, digestInputs: opts.digestInputs === true, ...(opts.warnUnsetSecrets ? { warnUnsetSecretsIn: host.env } : {}),
  });
}

export async function loadDesired(host: Pick<Host, 'cwd' | 'env'>, planPath: string, opts: LoadOptions = {}): Promise<LoadedDesired> {
  const { desired, diagnostics } = await loadPlanResult(host, planPath, opts);
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  return { desired, warnings: diagnostics };
}
