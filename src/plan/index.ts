// Planning: pure (DesiredState, LiveState) → Plan. No I/O, no clock, deterministic order.
export * from './plan.js';
export { buildPlan } from './build-plan.js';
