// Planning: pure (DesiredState, LiveState) → Plan. No I/O, no clock, deterministic order.
// Must not: hold code (re-exports only); nothing exported here may do I/O or read the clock.
export * from './plan.js';
export { buildPlan, type PlanInputs } from './build-plan.js';
export { targetPlan, targetScope, resolveTarget } from './target.js';
export { protectionDiagnostics } from './protect.js';
export { refreshOnlyPlan } from './refresh-only.js';
export { CONVERGED, statusMatches, stateOfLive } from './converged.js';
export * from './applied-values.js';
