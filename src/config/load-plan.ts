// loadPlan: the plan YAML and its CSV files → DesiredState, or every problem found on the way.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { FileReadError, MAX_BYTES, readRegularFile, sha256Hex } from '../files/index.js';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { error, hasErrors } from '../diag/index.js';
import type { DesiredState } from '../model/index.js';
import { loadBatchCsvs } from './csv/batch-csvs.js';
import { displayPath } from './text/display-path.js';
import { literalSecretDiagnostics } from './secrets/literal-secrets.js';
import { planRuleDiagnostics } from './plan-rules.js';
import type { RawPlan } from './raw-plan.js';
import { resolveDesired } from './resolve-desired.js';
import { unsetSecretDiagnostics } from './secrets/secret-env.js';
import { unsafeNameDiagnostics } from './unsafe-names.js';
import { schemaDiagnostics } from './schema/schema-diagnostics.js';
import { decodeText } from './text/text-decode.js';
import { yamlSyntaxDiagnostics } from './yaml/yaml-syntax.js';
import { diagAt, parseYamlSource, rangeOf } from './yaml/yaml-source.js';

export interface LoadPlanResult {
  /** Present when there are no errors. */
  desired?: DesiredState;
  diagnostics: Diagnostic[];
  /** With `digestInputs`: sha256 of every input file read (the YAML, each CSV), by absolute path, errors or not. */
  inputDigests?: ReadonlyMap<string, string>;
}

async function readPlanBytes(absPath: string, file: string): Promise<Uint8Array | Diagnostic> {
  try {
    return readRegularFile(absPath, MAX_BYTES.planYaml);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    return error(err.kind === 'too-large' ? 'INPUT_TOO_LARGE' : err.kind === 'not-a-file' ? 'NOT_A_FILE' : 'FILE_NOT_FOUND', `Plan file ${file} ${err.reason}`, {
      hint: 'Pass the path of the migration plan YAML file, e.g. `stagemig validate examples/contoso/stagemig.yaml`.',
    });
  }
}

/** Loads and validates a plan. Never throws for problems in the user's files: they come back as diagnostics. */
export interface LoadPlanOptions {
  cwd: string;
  /** Given by validate and plan: warn about each unset secret variable (apply refuses instead). */
  warnUnsetSecretsIn?: Readonly<Record<string, string | undefined>>;
  /** --allow-csv-outside: CSV paths may leave the plan's folder (absolute, `..`, symlinks). */
  allowCsvOutside?: boolean;
  /**
   * Hash every input file from the very bytes parsed (saved plans: `plan --out` and `apply <saved plan>`),
   * so that a file edited while stagemig runs is never recorded with the digest of content it did not plan from.
   */
  digestInputs?: boolean;
}

export async function loadPlan(planPath: string, opts: LoadPlanOptions): Promise<LoadPlanResult> {
  const absPath = resolve(opts.cwd, planPath);
  const file = displayPath(absPath, opts.cwd);
  const bytes = await readPlanBytes(absPath, file);
  if (!(bytes instanceof Uint8Array)) return { diagnostics: [bytes] };
  const digests = opts.digestInputs ? new Map([[absPath, sha256Hex(bytes)]]) : undefined;
  const withDigests = (r: LoadPlanResult): LoadPlanResult => (digests ? { ...r, inputDigests: digests } : r);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return withDigests({ diagnostics: [error('FILE_ENCODING', decoded.reason, { range: { file, start: { line: 1, col: 1 } }, hint: decoded.hint })] });
  }
  const src = parseYamlSource(decoded.text, absPath, file);
  const diagnostics = [...yamlSyntaxDiagnostics(src), ...literalSecretDiagnostics(src), ...unsafeNameDiagnostics(src)];
  if (src.doc.errors.length > 0) return withDigests({ diagnostics });
  let data: unknown;
  try {
    data = src.doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    diagnostics.push(diagAt(src, 'YAML_SYNTAX', `YAML: ${err instanceof Error ? err.message : String(err)}`, rangeOf(src, 0), {
      hint: 'Avoid deeply nested aliases (*name); write the values out.',
    }));
    return withDigests({ diagnostics });
  }
  for (const d of [...schemaDiagnostics(src, data), ...planRuleDiagnostics(src, data)]) diagnostics.push(d);
  // A path holding a control character is not opened: its error says all.
  if (diagnostics.some((d) => d.code === 'CONTROL_CHARACTER')) return withDigests({ diagnostics });
  const csvs = loadBatchCsvs(src, data, opts.cwd, opts.allowCsvOutside === true, digests !== undefined);
  for (const [path, sha256] of csvs.digests) digests?.set(path, sha256);
  for (const d of csvs.diagnostics) diagnostics.push(d);
  if (hasErrors(diagnostics)) return withDigests({ diagnostics });
  if (opts.warnUnsetSecretsIn) diagnostics.push(...unsetSecretDiagnostics(src, data as RawPlan, opts.warnUnsetSecretsIn));
  const desired = resolveDesired(src, data as RawPlan, csvs.users);
  return withDigests({ desired: digests ? { ...desired, inputDigests: digests } : desired, diagnostics });
}
