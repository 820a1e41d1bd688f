// `plan --refresh-only`: the plan reduced to what changed outside stagemig; no steps proposed.
//
// Must not: do I/O; pure.
import type { Plan } from './plan.js';

/** `plan --refresh-only`: only what changed outside stagemig (and unmanaged objects); no steps proposed. */
export function refreshOnlyPlan(plan: Plan): Plan {
  const undetermined = plan.driftBaseline === 'none' ? { undetermined: plan.changes.map((c) => c.address) } : {};
  return { ...plan, changes: [], steps: [], summary: { add: 0, change: 0, remove: 0 }, mode: 'refresh-only', ...undetermined };
}
