import { isAbsolute, relative } from 'node:path';

/** The path as shown to the user: relative to `cwd` when the file is under it, else absolute. */
export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absPath;
  return rel;
}
