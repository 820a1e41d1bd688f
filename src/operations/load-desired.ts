// The one way an operation loads a plan YAML: every problem in the files comes back as diagnostics
// (errors abort with StagemigError, warnings are returned for the command's view to print).
// `warnUnsetSecrets`: warn about unset passwordEnv variables (plan does; apply checks them and refuses).
// `digestInputs`: hash each input file from the bytes parsed (desired.inputDigests; plan --out).
//
// Must not: print, or be bypassed. Operations call loadDesired, never config's loadPlan directly
// (validate is the exception: it reports errors as its result instead of aborting).
import { loadPlan } from '../config/index.js';
import { hasErrors, StagemigError, type Diagnostic } from '../diag/index.js';
import type { DesiredState } from '../model/index.js';
import type { Host } from './host.js';

export interface LoadedDesired {
  desired: DesiredState;
  /** Warnings found while loading (errors abort instead). */
  warnings: Diagnostic[];
}

export async function loadDesired(
  host: Pick<Host, 'cwd' | 'env'>, planPath: string, opts: { warnUnsetSecrets?: boolean; allowCsvOutside?: boolean; digestInputs?: boolean } = {},
): Promise<LoadedDesired> {
  const { desired, diagnostics } = await loadPlan(planPath, {
    cwd: host.cwd, allowCsvOutside: opts.allowCsvOutside === true, digestInputs: opts.digestInputs === true, ...(opts.warnUnsetSecrets ? { warnUnsetSecretsIn: host.env } : {}),
  });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  return { desired, warnings: diagnostics };
}
