// The sha256 of every input file: the plan YAML and each CSV it names.
import { createHash } from 'node:crypto';
import { FileReadError, MAX_BYTES, readRegularFile } from '../../files/index.js';
import { relative, resolve } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { compareText, portablePath } from '../../model/index.js';
import type { DesiredState } from '../../model/index.js';
import type { InputDigest } from './format.js';


async function digest(absPath: string): Promise<string | undefined> {
  try {
    return createHash('sha256').update(await readRegularFile(absPath, MAX_BYTES.csv)).digest('hex');
  } catch (err) {
    if (err instanceof FileReadError && err.kind === 'missing') return undefined;
    if (err instanceof FileReadError) return `unreadable: ${err.reason}`; // never equal to a digest: reported as changed
    throw err;
  }
}

/** Digests of the YAML (first) and of every CSV (sorted by path), with paths relative to `cwd`. */
export async function hashInputs(desired: DesiredState, cwd: string): Promise<InputDigest[]> {
  const csvs = [...new Set(desired.batches.map((b) => b.csvPath))].map((p) => portablePath(relative(cwd, p))).sort(compareText);
  const out: InputDigest[] = [];
  for (const path of [portablePath(relative(cwd, desired.planFile)), ...csvs]) {
    const sha256 = await digest(resolve(cwd, path));
    if (sha256 === undefined) {
      throw new StagemigError([error('FILE_NOT_FOUND', `Input file ${path} disappeared while planning`, { hint: 'Run `stagemig plan --out` again.' })]);
    }
    out.push({ path, sha256 });
  }
  return out;
}

export interface InputChange {
  path: string;
  what: 'changed' | 'missing';
}

/** Every input whose content differs from the digest saved with the plan (or that no longer exists). */
export async function changedInputs(saved: readonly InputDigest[], cwd: string): Promise<InputChange[]> {
  const out: InputChange[] = [];
  for (const input of saved) {
    const now = await digest(resolve(cwd, input.path));
    if (now === undefined) out.push({ path: input.path, what: 'missing' });
    else if (now !== input.sha256) out.push({ path: input.path, what: 'changed' });
  }
  return out;
}
