// Loading the command line fast. `npm run build` bundles everything bin.cts runs into one file,
// stagemig.cjs beside this one (scripts/bundle.ts), and records V8's compiled code for it in
// stagemig.cjs.cache: one file to read instead of some 200 modules to resolve, and functions that
// need no compiling. A cache made by another node version is refused by V8 and the bundle compiles as
// usual.
//
// Must not: print, read the environment, or hold any of the tool's logic.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** What main.ts exports: the process's command line, and run() for an in-memory one. */
export type CliModule = typeof import('./main.js', { with: { 'resolution-mode': 'import' } });

export const BUNDLE_FILE = join(__dirname, 'stagemig.cjs');
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.cache`;

export interface LoadedBundle {
  cli: CliModule;
  /** The compiled bundle (scripts/bundle.ts asks it for its code cache after a warm-up run). */
  script: Script;
  /** True when the recorded code cache was there and V8 took it. */
  cacheUsed: boolean;
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The bundle, compiled with its code cache when V8 accepts it; undefined when there is no bundle. */
export function loadBundle(useCache = true): LoadedBundle | undefined {
  // esbuild writes the bundle in ASCII (other characters escaped): latin1, without UTF-8 decoding.
  const source = readOptional(BUNDLE_FILE)?.toString('latin1');
  if (source === undefined) return undefined;
  const cachedData = useCache ? readOptional(CODE_CACHE_FILE) : undefined;
  // The same wrapper node gives a CommonJS module, so the bundle runs exactly as `require` would run it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE_FILE,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as CliModule };
  const fn = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  fn(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, __dirname);
  return { cli: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** The command line module, from the bundle. */
export function loadCli(): CliModule {
  const loaded = loadBundle();
  if (!loaded) throw new Error(`stagemig is not built: ${BUNDLE_FILE} is missing (run \`npm run build\`)`);
  return loaded.cli;
}
