// `stagemig fmt` as a use case: which files to format (files as given; folders searched for plan files),
// each file's formatted text, and (unless --check) the atomic rewrite of each file that changed. Each
// file's outcome goes to the command's view as it is decided.
//
// Must not: print, or write a file other than a plan file it formatted (a failed write leaves it as it was).
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { decodeText, displayPath } from '../config/index.js';
import { error } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { formatPlanYaml } from '../config/fmt/index.js';
import { FileReadError, MAX_BYTES, readRegularFile, writeFileAtomic } from '../files/index.js';
import type { Host } from './host.js';

export type FmtOutcome =
  | { kind: 'formatted'; abs: string; file: string }
  | { kind: 'changed'; abs: string; file: string; before: string; after: string }
  | { kind: 'error'; abs: string; file: string; diagnostics: Diagnostic[] };

const YAML_FILE = /\.ya?ml$/i;
/** A stagemig plan, told apart from other YAML (CI workflows, fault scenarios) in a folder. */
const looksLikePlan = (text: string): boolean => /^version:\s*['"]?1\b/m.test(text) && /^(organization|endpoints|batches):/m.test(text);

async function plansUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await plansUnder(path)));
    else if (e.isFile() && YAML_FILE.test(e.name) && looksLikePlan(await readFile(path, 'utf8'))) found.push(path);
  }
  return found;
}

/** The absolute paths to format: each file as given, each folder's plan files (recursively, by name). */
export async function fmtTargets(args: readonly string[], cwd: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const entries = await readdir(abs).then(() => plansUnder(abs), () => undefined);
    if (entries === undefined) files.push(abs);
    else if (entries.length > 0) files.push(...entries);
    else diagnostics.push(error('USAGE', `${displayPath(abs, cwd)} holds no stagemig plan file`, {
      hint: 'A plan file is a .yaml or .yml file with `version: 1` and `organization`, `endpoints` or `batches`.',
    }));
  }
  return { files: [...new Set(files)], diagnostics };
}

export async function formatFile(abs: string, cwd: string): Promise<FmtOutcome> {
  const file = displayPath(abs, cwd);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(abs, MAX_BYTES.planYaml);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    return { kind: 'error', abs, file, diagnostics: [error('FILE_NOT_FOUND', `${file} ${err.reason}`)] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'error', abs, file, diagnostics: [error('FILE_ENCODING', decoded.reason, { range: { file, start: { line: 1, col: 1 } }, hint: decoded.hint })] };
  const r = formatPlanYaml(decoded.text, abs, file);
  if (!r.ok) return { kind: 'error', abs, file, diagnostics: r.diagnostics };
  return Buffer.from(r.text, 'utf8').equals(bytes) ? { kind: 'formatted', abs, file } : { kind: 'changed', abs, file, before: decoded.text, after: r.text };
}

export interface FmtArgs {
  paths: readonly string[];
  /** --check: change nothing. */
  check: boolean;
}

export interface FmtEvents {
  /** Arguments that name nothing to format (a folder without plan files). */
  targetProblems: (diagnostics: readonly Diagnostic[]) => void;
  /** A file that cannot be read or parsed. */
  failed: (file: string, diagnostics: readonly Diagnostic[]) => void;
  /** A file not in canonical form: rewritten, or (--check) left as it is. */
  changed: (outcome: Extract<FmtOutcome, { kind: 'changed' }>) => void;
}

export interface FmtResult {
  /** The files not in canonical form (with --check: left unchanged). */
  unformatted: string[];
  /** Something could not be read, parsed or written. */
  failed: boolean;
}

export async function runFmt(host: Pick<Host, 'cwd'>, args: FmtArgs, events: FmtEvents): Promise<FmtResult> {
  const targets = await fmtTargets(args.paths, host.cwd);
  let failed = targets.diagnostics.length > 0;
  if (failed) events.targetProblems(targets.diagnostics);
  const unformatted: string[] = [];
  for (const abs of targets.files) {
    const r = await formatFile(abs, host.cwd);
    if (r.kind === 'error') {
      events.failed(r.file, r.diagnostics);
      failed = true;
    } else if (r.kind === 'changed') {
      unformatted.push(r.file);
      const written = args.check ? undefined : await writeFileAtomic(abs, r.after).catch((err: NodeJS.ErrnoException) => err);
      if (written) {
        events.failed(r.file, [error('FILE_WRITE', `Cannot write ${r.file} (${written.code ?? written.message}); it was left unchanged`, {
          hint: 'Free disk space or fix the permissions of its folder, then run `stagemig fmt` again.',
        })]);
        failed = true;
      } else events.changed(r);
    }
  }
  return { unformatted, failed };
}
