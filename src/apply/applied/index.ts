// The last-applied snapshot: what stagemig last pushed to the service, kept beside the plan so the
// planner can tell drift from YAML changes (see src/model/applied.ts for the design).
//
// Must not: print; the record is only ever written atomically (files/atomic-write.ts).
export { appliedPath, forgetApplied, loadApplied, planLockPath, saveAppliedSync, serviceId, type LoadedApplied } from './store.js';
export { AppliedRecord } from './record.js';
export { createAppliedRecorder, type AppliedRecorder } from './recorder.js';
