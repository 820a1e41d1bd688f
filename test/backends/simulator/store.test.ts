import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagemigError } from '../../../src/diag/index.js';
import { deleteState, emptyState, loadState, saveState, withFaults } from '../../../src/backends/simulator/index.js';
import { serializeState } from '../../../src/backends/simulator/store.js';
import { advance, T0, withBatch, withEndpoint } from './helpers.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'stagemig-sim-store-'));

describe('simulator state file', () => {
  it('reads a missing file as an empty service without creating it', async () => {
    const file = join(await tempDir(), '.stagemig', 'simulator.json');
    expect(await loadState(file)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(file, '..'))).toBe(false);
  });

  it('creates the folder on write, leaves no temp file, and reads back what it wrote', async () => {
    const dir = await tempDir();
    const file = join(dir, 'deep', 'er', 'simulator.json');
    let state = withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com', 'c@contoso.com'], { AutoStart: true });
    state = advance(withFaults(state, { failMailboxes: { 'b@contoso.com': 'X: "quoted" },{"email": text' } }), '1h');
    state = withBatch(state, 'B2', ['d@contoso.com']);
    expect(new Set(state.users.map((u) => u.status)).size).toBeGreaterThan(2);
    await saveState(file, state);
    expect(await loadState(file)).toEqual(state);
    expect(await readdir(join(dir, 'deep', 'er'))).toEqual(['simulator.json']);
  });

  it('writes one object per line', async () => {
    const file = join(await tempDir(), 's.json');
    await saveState(file, withBatch(withEndpoint(), 'B1', ['a@contoso.com', 'b@contoso.com']));
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.filter((l) => l.includes('"email":'))).toHaveLength(2);
    expect(lines.find((l) => l.includes('a@contoso.com'))).toBe('    {"email":"a@contoso.com","batch":"B1","status":"Queued","pending":true},');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'stagemig-simulator', version: 1 });
  });

  it('gives a clear error naming the file when it is not JSON', async () => {
    const file = join(await tempDir(), 'simulator.json');
    await writeFile(file, '{ not json');
    const err = await loadState(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StagemigError);
    expect((err as StagemigError).diagnostics[0]).toMatchObject({ code: 'FILE_INVALID', range: { file, start: { line: 1, col: 3 } } });
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/not valid JSON/);
  });

  it('rejects JSON that is not a simulator state', async () => {
    const file = join(await tempDir(), 'simulator.json');
    await writeFile(file, JSON.stringify({ ...emptyState(T0), users: 'nope' }));
    await expect(loadState(file)).rejects.toThrow(`The simulator state file ${file} is not valid: /users must be array`);
    await writeFile(file, JSON.stringify({ hello: 1 }));
    await expect(loadState(file)).rejects.toThrow(`The simulator state file ${file} is not valid: the top level must have required property 'format'`);
    // a wrongly typed field deep inside (was "internal error: TypeError"), with its line
    await writeFile(file, serializeState({ ...emptyState(T0), batches: [{ name: 7 } as never] }));
    const err = (await loadState(file).catch((e: unknown) => e)) as StagemigError;
    expect(err.diagnostics[0]).toMatchObject({ code: 'FILE_INVALID', range: { file, start: { line: 10 } } });
    expect(err.message).toContain('/batches/0 must have required property');
  });

  it('deleteState reports whether there was a file', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'simulator.json');
    expect(await deleteState(file)).toBe(false);
    await saveState(file, emptyState(T0));
    expect(await deleteState(file)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('starts an empty state at the given time, without milliseconds', () => {
    expect(emptyState(new Date('2026-01-05T09:00:00.789Z')).now).toBe('2026-01-05T09:00:00Z');
  });
});
