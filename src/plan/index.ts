// Planning: pure (DesiredState, LiveState) → Plan. No I/O, no clock, deterministic order.
export * from './plan.js';
export { buildPlan, type PlanInputs } from './build-plan.js';
export { targetPlan, targetScope, resolveTarget } from './target.js';
export { protectionDiagnostics } from './protect.js';
export { refreshOnlyPlan } from './refresh-only.js';
export { CONVERGED, statusMatches, stateOfLive } from './converged.js';
export * from './applied-values.js';
