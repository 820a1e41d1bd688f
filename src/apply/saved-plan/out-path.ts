// Where `plan --out` may write: a new or regular file that is none of the plan's own files. Writing
// renames a temporary file over the target, so a device or symlink would be replaced, not written to.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { appliedPath, planLockPath } from '../applied/index.js';
import { error, StagemigError } from '../../diag/index.js';
import type { DesiredState } from '../../model/index.js';

/** `--out -`: the saved plan goes to stdout. */
export const OUT_STDOUT = '-';

const refuse = (out: string, why: string): StagemigError => new StagemigError([error('USAGE', `Refusing to write the saved plan to ${out}: ${why}`, {
  hint: 'Nothing was written. Pass --out a new file such as stagemig.plan.json (or - for stdout).',
})]);

async function canonical(path: string): Promise<string> {
  try {
    return join(await realpath(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/** The absolute target for --out, after refusing anything it must not replace. */
export async function checkOutPath(out: string, cwd: string, desired: DesiredState): Promise<string> {
  const abs = resolve(cwd, out);
  try {
    const info = await lstat(abs);
    if (info.isSymbolicLink()) throw refuse(out, 'it is a symbolic link');
    if (info.isDirectory()) throw refuse(out, 'it is a directory');
    if (!info.isFile()) throw refuse(out, 'it is a device, pipe or socket, not a regular file (use - for stdout)');
  } catch (err) {
    if (err instanceof StagemigError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(out, `it cannot be checked (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const target = await canonical(abs);
  const own: Array<[string, string]> = [
    [desired.planFile, 'it is the plan YAML itself'],
    ...desired.batches.map((b): [string, string] => [b.csvPath, `it is the CSV file of batch ${b.name}`]),
    [appliedPath(desired.planFile), 'it is the last-applied record'],
    [planLockPath(desired.planFile), 'it is the plan\'s lock file'],
  ];
  if (desired.backend.type === 'simulator') {
    own.push([desired.backend.stateFile, 'it is the simulator state file'], [`${desired.backend.stateFile}.lock`, 'it is the simulator state file\'s lock']);
  }
  for (const [path, why] of own) if ((await canonical(path)) === target) throw refuse(out, why);
  return abs;
}
