// Writes an imported plan's YAML and CSVs, never over existing files unless forced (the check also covers the
// last-applied baseline, which run-import.ts writes).
// Must not: print, write other than atomically, or write anything when a file exists and --force was not given.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { error, StagemigError } from '../../diag/index.js';
import { writeFileAtomic } from '../../files/index.js';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  text: string;
}

/** Throws FILE_EXISTS (nothing written yet) when any path exists and --force was not given. */
export function refuseOverwrite(paths: readonly string[], opts: { force: boolean; show: (abs: string) => string }): void {
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length === 0 || opts.force) return;
  throw new StagemigError([error('FILE_EXISTS', `Refusing to overwrite ${existing.length === 1 ? 'an existing file' : `${existing.length} existing files`}: ${existing.map(opts.show).join(', ')}`, {
    hint: 'Nothing was written. Choose an empty folder with --out, or pass --force to overwrite.',
  })]);
}

export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(f.path), { recursive: true });
    await writeFileAtomic(f.path, f.text);
  }
}

export const PLAN_FILE = 'stagemig.yaml';
export const planFileIn = (dir: string): string => join(dir, PLAN_FILE);
