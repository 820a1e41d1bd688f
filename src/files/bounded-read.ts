// Reading a file stagemig was pointed at: only a regular file, and never more than a set size, so
// that `csv: /dev/zero`, a FIFO or a 200 MB file ends at once with a clear reason.
// Synchronous on purpose: a plan reads up to 101 small files, and one blocking read each costs a
// fraction of a promise-based open/stat/read/close round trip through the thread pool (plan of 100
// batches: 40 ms of file I/O -> under 5 ms).
// Must not: print, wait on a FIFO or device, or return part of a file: one over its limit is an error, never truncated.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** Largest files stagemig reads, by kind (far above any real plan, CSV, record or state). */
export const MAX_BYTES = {
  planYaml: 4 * 1024 * 1024,
  csv: 8 * 1024 * 1024,
  savedPlan: 64 * 1024 * 1024,
  record: 64 * 1024 * 1024,
  simulatorState: 512 * 1024 * 1024,
  scenario: 4 * 1024 * 1024,
} as const;

export type ReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export class FileReadError extends Error {
  constructor(readonly kind: ReadFailure, readonly reason: string, readonly code?: string) {
    super(reason);
  }
}

const mib = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

function openFailure(err: unknown): FileReadError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError('missing', 'does not exist', code);
  if (code === 'EISDIR') return new FileReadError('not-a-file', 'is a directory, not a file', code);
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError('unreadable', 'is not readable (permission denied)', code);
  return new FileReadError('unreadable', `cannot be read (${code ?? (err as Error).message})`, code);
}

/** sha256 of bytes, in hex: the digest saved plans record of each input file. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The bytes of a regular file of at most `maxBytes`; throws FileReadError saying why not. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused as not a regular file.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openFailure(err);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new FileReadError('not-a-file', 'is a directory, not a file');
    if (!info.isFile()) throw new FileReadError('not-a-file', 'is not a regular file (a device, pipe or socket)');
    if (info.size > maxBytes) throw new FileReadError('too-large', `is too large (${mib(info.size)}; at most ${mib(maxBytes)} is read)`);
    const buf = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileReadError('too-large', `is too large (it grew past ${mib(maxBytes)} while being read)`);
      if (total === buf.length) break;
    }
    return buf.subarray(0, total);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    throw openFailure(err);
  } finally {
    closeSync(fd);
  }
}
