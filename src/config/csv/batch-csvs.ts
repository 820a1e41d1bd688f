// Every batch's CSV file, loaded in name order and checked against the others.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { quoteValue } from '../text/quote-value.js';
import type { Diagnostic } from '../../diag/index.js';
import type { UserColumns } from '../../model/index.js';
import { batchAddress, compareText } from '../../model/index.js';
import { duplicateUserDiagnostics, type BatchUsers } from './csv-duplicates.js';
import { loadCsvFile, type CsvReadResult } from './csv-file.js';
import { displayPath } from '../text/display-path.js';
import { isRecord } from '../plan-rules.js';
import { diagAt, nodeRange, type YamlSource } from '../yaml/yaml-source.js';
import { locate } from '../yaml/yaml-locate.js';

const MAX_DUPLICATE_DIAGNOSTICS = 100;

export interface BatchCsvs {
  /** Users' rows by batch name, for batches whose CSV loaded. */
  users: Map<string, UserColumns>;
  /** sha256 of each CSV read, by absolute path (when asked for). */
  digests: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** The real path of a file (symlinks followed), or undefined when it does not exist (the loader says so). */
function realPathOf(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

export function loadBatchCsvs(src: YamlSource, data: unknown, cwd: string, allowOutside = false, digest = false): BatchCsvs {
  const users = new Map<string, UserColumns>();
  const digests = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  if (!isRecord(data) || !isRecord(data.batches)) return { users, digests, diagnostics };
  const sso = data.sso === true;
  const baseDir = dirname(src.absPath);
  const realBase = realPathOf(baseDir) ?? baseDir;
  const byPath = new Map<string, string>();
  const jobs: Array<{ name: string; csv: string; file: string; absPath: string; where: ReturnType<typeof nodeRange>; result: CsvReadResult }> = [];
  for (const name of Object.keys(data.batches).sort(compareText)) {
    const batch = data.batches[name];
    if (!isRecord(batch) || typeof batch.csv !== 'string' || batch.csv === '') continue;
    const csv = batch.csv;
    const absPath = resolve(baseDir, csv);
    const where = nodeRange(src, locate(src, ['batches', name, 'csv']).node);
    const other = byPath.get(absPath);
    if (other !== undefined) {
      diagnostics.push(diagAt(src, 'DUPLICATE_CSV_FILE', `Batches \`${other}\` and \`${name}\` use the same CSV file`, where, {
        address: batchAddress(name), hint: 'Give each batch its own CSV file: a mailbox may be in only one batch.' }));
      continue;
    }
    const real = allowOutside ? undefined : realPathOf(absPath);
    if (real !== undefined && !real.startsWith(realBase + sep)) {
      diagnostics.push(diagAt(src, 'PATH_OUTSIDE', `CSV file ${quoteValue(csv)} of batch \`${name}\` is outside the plan's folder`, where, {
        address: batchAddress(name), detail: `It resolves to ${real}.`,
        hint: 'Keep CSV files in the plan\'s folder or below it, so that a change to the YAML cannot make stagemig read any file on the machine. ' +
          'Pass --allow-csv-outside if this one is meant to be read.',
      }));
      continue;
    }
    byPath.set(absPath, name);
    const file = displayPath(absPath, cwd);
    jobs.push({ name, csv, file, absPath, where, result: loadCsvFile(absPath, { file, sso }, digest) });
  }
  const loaded: BatchUsers[] = [];
  for (const { name, csv, file, absPath, where, result } of jobs) {
    if (!result.ok) {
      diagnostics.push(diagAt(src, 'FILE_NOT_FOUND', `CSV file ${JSON.stringify(csv)} of batch \`${name}\` ${result.reason}`, where, {
        address: batchAddress(name),
        hint: `Paths are relative to the plan file's folder; it resolved to ${absPath}.`,
      }));
      continue;
    }
    if (result.sha256 !== undefined) digests.set(absPath, result.sha256);
    for (const d of result.diagnostics) diagnostics.push(d);
    users.set(name, result.rows);
    loaded.push({ batch: name, file, rows: result.rows });
  }
  const duplicates = duplicateUserDiagnostics(loaded);
  for (const d of duplicates.slice(0, MAX_DUPLICATE_DIAGNOSTICS)) diagnostics.push(d);
  if (duplicates.length > MAX_DUPLICATE_DIAGNOSTICS) {
    diagnostics.push({ ...duplicates[MAX_DUPLICATE_DIAGNOSTICS]!, summary: `${duplicates.length - MAX_DUPLICATE_DIAGNOSTICS} more mailboxes are in more than one batch (not listed)`, detail: undefined });
  }
  return { users, digests, diagnostics };
}
