// Prints a view's Output: stderr (diagnostics, notes) first, then stdout (the result).
//
// Must not: make text: it writes what views return, and it is the only writer in cli/.
import type { Output } from '../render/common/output.js';
import type { Io } from './io.js';

export function emit(io: Pick<Io, 'stdout' | 'stderr'>, out: Output): void {
  if (out.stderr !== '') io.stderr(out.stderr);
  if (out.stdout !== '') io.stdout(out.stdout);
}
