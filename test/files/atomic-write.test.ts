import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/files/index.js';

const folder = () => mkdtempSync(join(tmpdir(), 'stagemig-atomic-'));

describe.each([
  ['async', writeFileAtomic],
  ['sync', async (p: string, d: string, o?: { mode?: number }) => writeFileAtomicSync(p, d, o)],
])('atomic write (%s)', (_name, write) => {
  it('replaces the content and leaves no temporary file behind', async () => {
    const dir = folder();
    const file = join(dir, 'a.json');
    writeFileSync(file, 'old');
    await write(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('keeps the permissions of the file it replaces, and uses the given mode for a new file', async () => {
    const dir = folder();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'x');
    chmodSync(file, 0o600);
    await write(file, 'y');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await write(join(dir, 'new'), 'z', { mode: 0o640 });
    expect(statSync(join(dir, 'new')).mode & 0o777).toBe(0o640 & ~process.umask());
  });

  it('on failure leaves the target as it was and removes its temporary file', async () => {
    const dir = folder();
    const target = join(dir, 'sub');
    writeFileSync(join(dir, 'keep'), 'kept');
    // renaming a file over a non-empty folder fails after the temporary file was written
    const { mkdirSync } = await import('node:fs');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), '1');
    await expect(write(target, 'data')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['keep', 'sub']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('1');
  });
});
