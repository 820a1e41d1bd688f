// Configuration: the YAML plan and its CSV files → DesiredState, with positioned diagnostics. No network.
import type { Diagnostic } from '../diag/index.js';
import type { DesiredState } from '../model/index.js';

export interface LoadPlanResult {
  /** Present when there are no errors. */
  desired?: DesiredState;
  diagnostics: Diagnostic[];
}

/** STUB: replaced by the config implementation. */
export async function loadPlan(planPath: string, opts: { cwd: string }): Promise<LoadPlanResult> {
  void planPath;
  void opts;
  throw new Error('not implemented');
}
