// The last-applied record kept current while apply runs: each step that ran is settled into the record and
// written (atomically) before the next starts, so an interrupted apply leaves a record the next plan reads truthfully.
//
// Must not: run steps or print; a record it cannot write stops the run (the caller reports it).
import { performance } from 'node:perf_hooks';
import { dirname, relative } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { checkWritableSync } from '../../files/index.js';
import { emptyApplied } from '../../model/index.js';
import type { AppliedSnapshot, DesiredState, LiveState, Step } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { AppliedRecord } from './record.js';
import { appliedPath, saveAppliedSync, serviceId } from './store.js';

/**
 * Keeps the last-applied snapshot during apply. Writing the whole snapshot after every step made apply
 * quadratic (it holds every batch's mailboxes), so a step's change is written once the time since the
 * last write is 4x what that write cost (at most a fifth of the time goes to writing), and always at
 * finish. A crash (not Ctrl-C, not a failed step: both reach finish) can leave the record a few steps
 * behind the service.
 */
export interface AppliedRecorder {
  /** Throws RECORD_UNWRITABLE unless the record can be written: called before step 1, so nothing runs then. */
  checkWritable(): void;
  /** Throws RECORD_UNWRITABLE when the record cannot be written (the step itself ran). */
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
  /** The working folder, to name the record as the user sees it. */
  cwd?: string;
}): AppliedRecorder {
  const file = appliedPath(opts.desired.planFile);
  const shown = opts.cwd === undefined ? file : relative(opts.cwd, file) || file;
  const unwritable = (err: unknown): StagemigError => {
    const e = err as NodeJS.ErrnoException;
    return new StagemigError([error('RECORD_UNWRITABLE', `The last-applied record ${shown} cannot be written (${e.code ?? e.message})`, {
      detail: 'stagemig keeps what it applied in this file, to tell changes made outside stagemig from changes to the YAML.',
      hint: `Make ${dirname(shown)}/ a folder stagemig can write to and ${shown} a regular file (move away whatever is there instead), then run stagemig again.`,
    })]);
  };
  const guarded = (write: () => void): void => {
    try {
      write();
    } catch (err) {
      throw err instanceof StagemigError ? err : unwritable(err);
    }
  };
  const snapshot = opts.previous ? structuredClone(opts.previous) : emptyApplied(serviceId(opts.desired), iso(opts.now()));
  const record = new AppliedRecord(snapshot, opts.desired, opts.live);
  let lastWriteMs = 0;
  let lastWriteAt = -Infinity;
  const save = (): void => guarded(() => {
    const started = performance.now();
    snapshot.updatedAt = iso(opts.now());
    saveAppliedSync(file, snapshot);
    lastWriteAt = performance.now();
    lastWriteMs = lastWriteAt - started;
  });
  return {
    checkWritable: () => guarded(() => checkWritableSync(file)),
    stepSucceeded(step) {
      record.step(step);
      if (performance.now() - lastWriteAt >= 4 * lastWriteMs) save();
    },
    finish(plan) {
      record.settle(plan);
      save();
    },
  };
}
