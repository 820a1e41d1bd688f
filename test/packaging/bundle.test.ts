// The built command line: `npm run build` bundles it into dist/src/stagemig.cjs with a V8 code cache
// (scripts/bundle.ts), and bin.cts runs that bundle. The bundle must behave exactly like the modules it
// is made from, and the cache must be one this node accepts (or every start compiles the bundle).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../helpers/in-process.js';
import { PASSWORD } from '../helpers/cli.js';

const ROOT = resolve(__dirname, '../..');
const launch = (await import(join(ROOT, 'dist/src/launch.cjs'))) as typeof import('../../src/launch.cjs');
const work = mkdtempSync(join(tmpdir(), 'stagemig-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bundle's command line in this process, output in memory. */
async function runBundle(cli: import('../../src/launch.cjs').CliModule, args: string[], cwd: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, stdinIsTTY: false, color: false,
    prompt: async () => '', env: { NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD, STAGEMIG_NOW: '2026-03-01T00:00:00Z' }, cwd,
    now: () => new Date('2026-03-01T00:00:00Z'), onInterrupt: () => () => undefined, sleep: async () => undefined,
  };
  const exitCode = await cli.run(args, io);
  return { exitCode, stdout, stderr };
}

describe('the bundled command line', () => {
  it('is built with a code cache that this node accepts', () => {
    expect(existsSync(launch.BUNDLE_FILE)).toBe(true);
    const loaded = launch.loadBundle();
    expect(loaded?.cacheUsed).toBe(true);
    expect(typeof loaded?.cli.main).toBe('function');
  });

  it('gives byte for byte what the modules give: validate, plan (human, json, markdown), apply, status', async () => {
    const cli = launch.loadBundle()!.cli;
    const viaBundle = join(work, 'bundle');
    const viaModules = join(work, 'modules');
    for (const dir of [viaBundle, viaModules]) cpSync(join(ROOT, 'examples/contoso'), dir, { recursive: true });
    const env = { STAGEMIG_NOW: '2026-03-01T00:00:00Z' };
    const now = () => new Date('2026-03-01T00:00:00Z');
    for (const args of [['validate', 'stagemig.yaml'], ['plan', 'stagemig.yaml'], ['plan', 'stagemig.yaml', '--format', 'json'],
      ['plan', 'stagemig.yaml', '--format', 'markdown'], ['apply', 'stagemig.yaml', '--auto-approve'], ['status', 'stagemig.yaml', '--format', 'json'],
      ['plan', 'missing.yaml']]) {
      const bundled = await runBundle(cli, args, viaBundle);
      const modules = await runCli(args, { cwd: viaModules, env, now });
      expect({ args, ...bundled }).toEqual({ args, ...modules });
    }
  });
});
