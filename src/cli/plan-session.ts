import { loadPlan } from '../config/index.js';
import { hasErrors, StagemigError } from '../diag/index.js';
import { openBackend } from '../backends/index.js';
import type { Backend } from '../backends/index.js';
import type { DesiredState, LiveState } from '../model/index.js';
import { buildPlan } from '../plan/index.js';
import type { Plan } from '../plan/index.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { Io } from './io.js';

export interface PlanSession {
  desired: DesiredState;
  backend: Backend;
  live: LiveState;
  plan: Plan;
}

/** Loads the YAML (aborting on errors), opens the backend, reads the live state once and plans. */
export async function openPlanSession(planPath: string, io: Io): Promise<PlanSession> {
  const { desired, diagnostics } = await loadPlan(planPath, { cwd: io.cwd });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  if (diagnostics.length > 0) io.stderr(renderDiagnostics(diagnostics, { color: io.color }));
  const backend = await openBackend(desired.backend, { now: io.now, env: io.env });
  try {
    const live = await backend.readLive();
    return { desired, backend, live, plan: buildPlan(desired, live) };
  } catch (err) {
    await backend.close();
    throw err;
  }
}
