// `stagemig validate` as a use case: load the plan offline (YAML, schema, CSV files, cross-references)
// and return every diagnostic, sorted (loadPlanResult: its errors are its result, not an abort).
//
// Must not: contact the service, print, or stop at the first problem.
import { loadPlanResult } from './load-desired.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diag/index.js';
import type { DesiredState } from '../model/index.js';
import type { Host } from './host.js';

export interface ValidateArgs {
  planPath: string;
  /** --allow-csv-outside: CSV files may lie outside the plan's folder. */
  allowCsvOutside: boolean;
}

export interface ValidateResult {
  /** The plan, when it loaded without errors. */
  desired?: DesiredState;
  /** Every error and warning, sorted by file and position. */
  diagnostics: Diagnostic[];
  valid: boolean;
}

export async function runValidate(host: Pick<Host, 'cwd' | 'env'>, args: ValidateArgs): Promise<ValidateResult> {
  const result = await loadPlanResult(host, args.planPath, { warnUnsetSecrets: true, allowCsvOutside: args.allowCsvOutside === true });
  const diagnostics = sortDiagnostics(result.diagnostics);
  const valid = !hasErrors(diagnostics) && result.desired !== undefined;
  return { ...(valid ? { desired: result.desired } : {}), diagnostics, valid };
}
