// The sha256 of every input file: the plan YAML and each CSV it names. A saved plan records the
// digests of the very bytes the plan was made from (config's loader takes them as it reads, with
// `digestInputs`); nothing here reads an input the loader read.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import { FileReadError, MAX_BYTES, readRegularFile, sha256Hex } from '../../files/index.js';
import { relative, resolve } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { compareText, portablePath } from '../../model/index.js';
import type { DesiredState } from '../../model/index.js';
import type { InputDigest } from './format.js';

/** Digest of a file the loader did not read (a saved input the YAML no longer names, or one it could not load). */
async function digestFile(absPath: string): Promise<string | undefined> {
  try {
    return sha256Hex(readRegularFile(absPath, MAX_BYTES.csv));
  } catch (err) {
    if (err instanceof FileReadError && err.kind === 'missing') return undefined;
    if (err instanceof FileReadError) return `unreadable: ${err.reason}`; // never equal to a digest: reported as changed
    throw err;
  }
}

/** Digests of the YAML (first) and of every CSV (sorted by path), with paths relative to `cwd`, as loaded. */
export function hashInputs(desired: DesiredState, cwd: string): InputDigest[] {
  const digests = desired.inputDigests;
  if (!digests) throw new Error('internal: the plan was loaded without digestInputs');
  const csvs = [...new Set(desired.batches.map((b) => b.csvPath))].sort((a, b) => compareText(portablePath(relative(cwd, a)), portablePath(relative(cwd, b))));
  return [desired.planFile, ...csvs].map((abs) => {
    const path = portablePath(relative(cwd, abs));
    const sha256 = digests.get(abs);
    if (sha256 === undefined) {
      throw new StagemigError([error('FILE_NOT_FOUND', `Input file ${path} was not read while planning`, { hint: 'Run `stagemig plan --out` again.' })]);
    }
    return { path, sha256 };
  });
}

export interface InputChange {
  path: string;
  what: 'changed' | 'missing';
}

/**
 * Every input whose content differs from the digest saved with the plan (or that no longer exists).
 * `loaded`: the digests of the files just loaded (by absolute path), compared as they were parsed.
 */
export async function changedInputs(saved: readonly InputDigest[], cwd: string, loaded: ReadonlyMap<string, string> = new Map()): Promise<InputChange[]> {
  const out: InputChange[] = [];
  for (const input of saved) {
    const abs = resolve(cwd, input.path);
    const now = loaded.get(abs) ?? (await digestFile(abs));
    if (now === undefined) out.push({ path: input.path, what: 'missing' });
    else if (now !== input.sha256) out.push({ path: input.path, what: 'changed' });
  }
  return out;
}
