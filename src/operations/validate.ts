// `stagemig validate` as a use case: load the plan offline (YAML, schema, CSV files, cross-references)
// and return every diagnostic, sorted. The one operation that calls config's loadPlan itself: its errors
// are its result, not an abort.
//
// Must not: contact the service, print, or stop at the first problem.
import { loadPlan } from '../config/index.js';
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
  const result = await loadPlan(args.planPath, { cwd: host.cwd, warnUnsetSecretsIn: host.env, allowCsvOutside: args.allowCsvOutside });
  const diagnostics = sortDiagnostics(result.diagnostics);
  const valid = !hasErrors(diagnostics) && result.desired !== undefined;
  return { ...(valid ? { desired: result.desired } : {}), diagnostics, valid };
}
