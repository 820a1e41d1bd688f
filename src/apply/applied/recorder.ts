import { emptyApplied } from '../../model/index.js';
import type { AppliedSnapshot, DesiredState, LiveState, Step } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { AppliedRecord } from './record.js';
import { appliedPath, saveAppliedSync, serviceId } from './store.js';

/** Keeps the last-applied snapshot truthful during apply: written after every successful step. */
export interface AppliedRecorder {
  stepSucceeded(step: Step): void;
  /** Once apply ends (complete, failed or interrupted): records the resources the plan left unchanged. */
  finish(plan: Plan): void;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createAppliedRecorder(opts: {
  desired: DesiredState;
  /** The live state the executed plan was built from. */
  live: LiveState;
  /** The snapshot loaded before planning (undefined: start a new one). */
  previous: AppliedSnapshot | undefined;
  now: () => Date;
}): AppliedRecorder {
  const file = appliedPath(opts.desired.planFile);
  const snapshot = opts.previous ? structuredClone(opts.previous) : emptyApplied(serviceId(opts.desired), iso(opts.now()));
  const record = new AppliedRecord(snapshot, opts.desired, opts.live);
  const save = (): void => {
    snapshot.updatedAt = iso(opts.now());
    saveAppliedSync(file, snapshot);
  };
  return {
    stepSucceeded(step) {
      record.step(step);
      save();
    },
    finish(plan) {
      record.settle(plan);
      save();
    },
  };
}
