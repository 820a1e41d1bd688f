// The last-applied snapshot on disk: `.stagemig/<plan name>.applied.json` beside the plan YAML.
// Written atomically (files/atomic-write) so a crash leaves the previous version intact.
// Must not: print (an unreadable record is a warning, then ignored), write other than atomically, or delete
// a record that describes another service.
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { StagemigError, warning } from '../../diag/index.js';
import { jsonPieces, MAX_BYTES, readCheckedJson, readRegularFile, writeFileAtomicSync } from '../../files/index.js';
import type { Diagnostic, SourceRange } from '../../diag/index.js';
import { APPLIED_VERSION } from '../../model/index.js';
import type { AppliedSnapshot, DesiredState } from '../../model/index.js';

/** `stagemig.yaml` → `stagemig`; any other name keeps its extension, so `m.yaml` and `m.yml` never share a record. */
const planStem = (planFile: string): string =>
  extname(planFile).toLowerCase() === '.yaml' ? basename(planFile, extname(planFile)) : basename(planFile);

export function appliedPath(planFile: string): string {
  return join(dirname(planFile), '.stagemig', `${planStem(planFile)}.applied.json`);
}

/** The per-plan lock apply holds for its whole run (it guards the record and the plan's steps). */
export function planLockPath(planFile: string): string {
  return join(dirname(planFile), '.stagemig', `${planStem(planFile)}.lock`);
}

/** Which service a snapshot describes: the simulator's state file (relative to the plan) or the tenant. */
export function serviceId(desired: DesiredState): string {
  const b = desired.backend;
  if (b.type === 'simulator') return `simulator:${relative(dirname(desired.planFile), b.stateFile).split(sep).join('/')}`;
  return `exchange-online:${desired.organization.toLowerCase()}`;
}

export interface LoadedApplied {
  /** Present when a snapshot of this plan's service exists and is readable. */
  snapshot?: AppliedSnapshot;
  diagnostics: Diagnostic[];
}

export async function loadApplied(desired: DesiredState): Promise<LoadedApplied> {
  const file = appliedPath(desired.planFile);
  const ignored = (why: string, range?: SourceRange) => ({
    diagnostics: [warning('APPLIED_SNAPSHOT', `Ignoring ${file}: ${why}`, {
      detail: 'Without it, changes made outside stagemig cannot be told apart from YAML changes.',
      hint: 'The next successful `stagemig apply` writes a new one.', ...(range ? { range } : {}),
    })],
  });
  let data: AppliedSnapshot | undefined;
  try {
    data = await readCheckedJson<AppliedSnapshot>({
      path: file, file, schema: 'applied-record.schema.json', maxBytes: MAX_BYTES.record, what: 'last-applied record', hint: '',
    });
  } catch (err) {
    if (!(err instanceof StagemigError)) throw err;
    const d = err.diagnostics[0];
    return ignored(d ? `${d.summary.replace(/^The last-applied record \S+ /, 'it ')}` : 'it cannot be read', d?.range);
  }
  if (data === undefined) return { diagnostics: [] };
  if (data.version !== APPLIED_VERSION) return ignored(`it has format version ${String(data.version)}; this stagemig reads ${APPLIED_VERSION}`);
  if (data.service !== serviceId(desired)) return ignored(`it describes another migration service (${data.service})`);
  return { snapshot: data, diagnostics: [] };
}

/**
 * Deletes the plan's last-applied record when it describes this plan's service (`simulator reset`
 * empties that service, so the record would otherwise report everything as drift). Returns its path
 * when it was deleted.
 */
export async function forgetApplied(desired: DesiredState): Promise<string | undefined> {
  const file = appliedPath(desired.planFile);
  let text: string | undefined;
  try {
    text = readRegularFile(file, MAX_BYTES.record).toString('utf8');
  } catch {
    text = undefined;
  }
  if (text === undefined) return undefined;
  let service: unknown;
  try {
    service = (JSON.parse(text) as { service?: unknown }).service;
  } catch {
    service = undefined;
  }
  if (service !== serviceId(desired)) return undefined;
  await rm(file, { force: true });
  return file;
}

/** JSON.stringify(snapshot) and a line break, a batch at a time (200,000 addresses make a 5 MB record, written often). */
function* snapshotText(snapshot: AppliedSnapshot): Generator<string> {
  yield* jsonPieces(snapshot, 3);
  yield '\n';
}

export function saveAppliedSync(file: string, snapshot: AppliedSnapshot): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, snapshotText(snapshot));
}
