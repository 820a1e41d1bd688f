// Run by `npm run build` after tsc: bundles the command line (dist/src/main.js and everything it
// imports, packages included) into dist/src/stagemig.cjs with esbuild, runs it once in this process
// on a copy of the bundled example (validate, plan, apply, status against the simulator, output
// kept in memory) and records V8's code cache of every function those runs compiled in
// dist/src/stagemig.cjs.cache. src/launch.cts loads both. Plain node, no shell.
import { isAscii } from 'node:buffer';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_FILE, CODE_CACHE_FILE, loadBundle } from '../src/launch.cjs';
import type { Io } from '../src/cli/io.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

await build({
  entryPoints: [join(ROOT, 'dist/src/main.js')],
  outfile: BUNDLE_FILE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Other characters escaped and comments left out: src/launch.cts reads the bundle as latin1, with no
  // UTF-8 decoding. Names are kept, so an internal error's stack still names its functions.
  charset: 'ascii',
  minifyWhitespace: true,
  // The modules find the package's files (schemas, powershell/, package.json) from their own URL.
  define: { 'import.meta.url': '__stagemigBundleUrl' },
  banner: { js: "const __stagemigBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

if (!isAscii(readFileSync(BUNDLE_FILE))) throw new Error(`the bundle ${BUNDLE_FILE} is not ASCII: launch.cts reads it as latin1`);
const loaded = loadBundle(false);
if (!loaded) throw new Error(`the bundle ${BUNDLE_FILE} was not written`);
const work = mkdtempSync(join(tmpdir(), 'stagemig-warm-'));
try {
  cpSync(join(ROOT, 'examples/contoso'), work, { recursive: true });
  const io: Io = {
    stdout: () => {}, stderr: () => {}, isTTY: false, stdinIsTTY: false, color: false, prompt: async () => '',
    env: { STAGEMIG_ONPREM_PASSWORD: 'warm-up-only' }, cwd: work, now: () => new Date('2026-01-01T00:00:00Z'),
    onInterrupt: () => () => {}, sleep: async () => {},
  };
  const runs = [['--version'], ['validate', 'stagemig.yaml'], ['plan', 'stagemig.yaml'], ['plan', 'stagemig.yaml', '--format', 'json'],
    ['apply', 'stagemig.yaml', '--auto-approve'], ['status', 'stagemig.yaml']];
  for (const argv of runs) {
    const code = await loaded.cli.run(argv, io);
    if (code !== 0) throw new Error(`warming the bundle: stagemig ${argv.join(' ')} exited ${code}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(CODE_CACHE_FILE, loaded.script.createCachedData());
console.log(`bundled the command line into ${BUNDLE_FILE} with its code cache`);
