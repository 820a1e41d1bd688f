// Paths as stagemig shows and stores them: always with forward slashes, so output, saved plans and
// runbooks read the same on Windows and elsewhere (PowerShell, cmd and every Unix shell accept `/`).
//
// Must not: do I/O or import from src/ folders other than diag/.
import nodePath from 'node:path';

export type PathApi = Pick<typeof nodePath, 'relative' | 'isAbsolute'>;

/** Forward slashes: `batches\wave1.csv` → `batches/wave1.csv`, `C:\m\x.yaml` → `C:/m/x.yaml`. */
export const portablePath = (p: string): string => p.replace(/\\/g, '/');

/** `to` relative to `from`, portable; `.` for the same folder; absolute when there is no relative way (another drive). */
export function portableRelative(from: string, to: string, path: PathApi = nodePath): string {
  const rel = path.relative(from, to);
  return portablePath(rel === '' ? '.' : rel);
}
