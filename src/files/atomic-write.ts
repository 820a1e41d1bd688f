// The one way stagemig writes a file: whole or not at all, and durable once it returns.
// A temporary file in the same folder is written and fsynced, renamed over the target, and the
// folder is fsynced so that the rename itself survives a power cut. On any failure the temporary
// file is removed and the target keeps its previous content.
//
// Must not: print, or know what a plan or the service is: paths and bytes only.
import { randomBytes } from 'node:crypto';
import {
  closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of a new file (default 0o644); an existing target keeps its own. */
  mode?: number;
}

const tempPath = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * What is written: text, bytes, or text in pieces written one after another (a 20 MB file written from
 * pieces of 100 KB needs no 20 MB string and buffer: fresh memory of that size costs more than the write).
 */
export type FileContent = string | Uint8Array | Iterable<string>;

/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHARS = 64 * 1024;

function* chunksOf(data: FileContent): Iterable<Uint8Array> {
  if (typeof data === 'string') yield Buffer.from(data, 'utf8');
  else if (data instanceof Uint8Array) yield data;
  else {
    let held: string[] = [];
    let chars = 0;
    for (const piece of data) {
      held.push(piece);
      chars += piece.length;
      if (chars >= WRITE_CHARS) {
        yield Buffer.from(held.join(''), 'utf8');
        held = [];
        chars = 0;
      }
    }
    if (held.length > 0) yield Buffer.from(held.join(''), 'utf8');
  }
}

/** Folders cannot be opened or fsynced on some platforms (Windows); the rename is then as durable as the OS makes it. */
const ignorableDirSyncError = (err: unknown): boolean =>
  ['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '');

async function existingMode(target: string, fallback: number): Promise<number> {
  try {
    return (await stat(target)).mode & 0o7777;
  } catch {
    return fallback;
  }
}

export async function writeFileAtomic(target: string, data: FileContent, opts: AtomicWriteOptions = {}): Promise<void> {
  const mode = await existingMode(target, opts.mode ?? 0o644);
  const tmp = tempPath(target);
  let created = false;
  try {
    const fh = await open(tmp, 'wx', mode);
    created = true;
    try {
      for (const bytes of chunksOf(data)) {
        let off = 0;
        while (off < bytes.length) off += (await fh.write(bytes, off, bytes.length - off)).bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
    created = false;
    await syncFolder(dirname(target));
  } catch (err) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

async function syncFolder(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (err) {
    if (!ignorableDirSyncError(err)) throw err;
  } finally {
    await fh?.close();
  }
}

/** The same, synchronously (the last-applied record is written between steps, from a sync hook). */
export function writeFileAtomicSync(target: string, data: FileContent, opts: AtomicWriteOptions = {}): void {
  let mode = opts.mode ?? 0o644;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file
  }
  const tmp = tempPath(target);
  let created = false;
  try {
    const fd = openSync(tmp, 'wx', mode);
    created = true;
    try {
      for (const bytes of chunksOf(data)) {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    created = false;
    syncFolderSync(dirname(target));
  } catch (err) {
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    throw err;
  }
}

function syncFolderSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (err) {
    if (!ignorableDirSyncError(err)) throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Throws what writeFileAtomicSync(target) would meet, as far as can be known without changing the
 * target: its folder must exist (it is created) and take a new file, and the target, if present, must
 * be a regular file. Permission bits do not stop root, so the folder is tried with a real file.
 */
export function checkWritableSync(target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  let kind: 'file' | 'other' | undefined;
  try {
    kind = lstatSync(target).isFile() ? 'file' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (kind === 'other') throw Object.assign(new Error(`${target} is not a regular file`), { code: 'EISDIR' });
  const tmp = tempPath(target);
  closeSync(openSync(tmp, 'wx', 0o600));
  unlinkSync(tmp);
}
