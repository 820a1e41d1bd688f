import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

describe('in-process CLI entry point', () => {
  const dir = copyExample();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plans the example and exits 2 with --detailed-exitcode, like the built CLI', async () => {
    const r = await runCli(['plan', 'stagemig.yaml', '--detailed-exitcode'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to remove\./);
  });

  it('reports a missing plan file as an error with exit 1', async () => {
    const r = await runCli(['validate', 'nope.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('nope.yaml');
  });
});
