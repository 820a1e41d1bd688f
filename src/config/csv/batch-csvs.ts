// Every batch's CSV file, loaded in parallel and checked against the others.
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../../diag/index.js';
import type { DesiredUser } from '../../model/index.js';
import { batchAddress, compareText } from '../../model/index.js';
import { duplicateUserDiagnostics, type BatchUsers } from './csv-duplicates.js';
import { loadCsvFile, type CsvReadResult } from './csv-file.js';
import { displayPath } from '../display-path.js';
import { isRecord } from '../plan-rules.js';
import { diagAt, nodeRange, type YamlSource } from '../yaml/yaml-source.js';
import { locate } from '../yaml/yaml-locate.js';

export interface BatchCsvs {
  /** Users by batch name, for batches whose CSV loaded. */
  users: Map<string, DesiredUser[]>;
  diagnostics: Diagnostic[];
}

export async function loadBatchCsvs(src: YamlSource, data: unknown, cwd: string): Promise<BatchCsvs> {
  const users = new Map<string, DesiredUser[]>();
  const diagnostics: Diagnostic[] = [];
  if (!isRecord(data) || !isRecord(data.batches)) return { users, diagnostics };
  const sso = data.sso === true;
  const baseDir = dirname(src.absPath);
  const byPath = new Map<string, string>();
  const jobs: Array<Promise<{ name: string; csv: string; file: string; absPath: string; where: ReturnType<typeof nodeRange>; result: CsvReadResult }>> = [];
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
    byPath.set(absPath, name);
    const file = displayPath(absPath, cwd);
    jobs.push(loadCsvFile(absPath, { file, sso }).then((result) => ({ name, csv, file, absPath, where, result })));
  }
  const loaded: BatchUsers[] = [];
  for (const { name, csv, file, absPath, where, result } of await Promise.all(jobs)) {
    if (!result.ok) {
      diagnostics.push(diagAt(src, 'FILE_NOT_FOUND', `CSV file ${JSON.stringify(csv)} of batch \`${name}\` ${result.reason}`, where, {
        address: batchAddress(name),
        hint: `Paths are relative to the plan file's folder; it resolved to ${absPath}.`,
      }));
      continue;
    }
    diagnostics.push(...result.diagnostics);
    users.set(name, result.users);
    loaded.push({ batch: name, file, users: result.users });
  }
  diagnostics.push(...duplicateUserDiagnostics(loaded));
  return { users, diagnostics };
}
