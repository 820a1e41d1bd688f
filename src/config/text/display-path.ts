// Paths as the user sees them in messages and documents: relative to the working folder when below it.
//
// Must not: touch the file system; it is path arithmetic only.
import nodePath from 'node:path';
import { portablePath, type PathApi } from '../../model/index.js';

/** The path as shown to the user: relative to `cwd` when the file is under it, else absolute; forward slashes. */
export function displayPath(absPath: string, cwd: string, path: PathApi = nodePath): string {
  const rel = path.relative(cwd, absPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return portablePath(absPath);
  return portablePath(rel);
}
