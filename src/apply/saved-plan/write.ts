// Writing a saved plan: the plan, the digests of its inputs and the fingerprint of what it read.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import { relative, resolve } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { writeFileAtomic } from '../../files/index.js';
import { portablePath } from '../../model/index.js';
import type { DesiredState, LiveState } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { fingerprintLive } from './fingerprint.js';
import { SAVED_PLAN_FORMAT_VERSION, SAVED_PLAN_KIND } from './format.js';
import type { SavedPlanFile, SavedPlanOptions } from './format.js';
import { hashInputs } from './inputs.js';

export async function buildSavedPlan(opts: {
  desired: DesiredState;
  live: LiveState;
  plan: Plan;
  cwd: string;
  now: Date;
  toolVersion: string;
  options: SavedPlanOptions;
}): Promise<SavedPlanFile> {
  const { desired } = opts;
  return {
    format_version: SAVED_PLAN_FORMAT_VERSION,
    kind: SAVED_PLAN_KIND,
    tool_version: opts.toolVersion,
    created_at: opts.now.toISOString(),
    plan_file: portablePath(relative(opts.cwd, desired.planFile)),
    backend: { type: desired.backend.type, organization: desired.organization },
    options: opts.options,
    inputs: hashInputs(desired, opts.cwd),
    live: fingerprintLive(opts.live),
    plan: opts.plan,
  };
}

/** Writes the file whole or not at all (files/atomic-write). */
export async function writeSavedPlan(path: string, cwd: string, saved: SavedPlanFile): Promise<void> {
  const abs = resolve(cwd, path);
  try {
    await writeFileAtomic(abs, `${JSON.stringify(saved, null, 2)}\n`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new StagemigError([error('FILE_NOT_FOUND', `Cannot write the saved plan to ${path} (${code})`, {
      hint: 'Pass --out a file in an existing, writable folder, e.g. --out stagemig.plan.json.',
    })]);
  }
}
