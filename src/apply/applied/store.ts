// The last-applied snapshot on disk: `.stagemig/<plan name>.applied.json` beside the plan YAML.
// Written atomically (files/atomic-write) so a crash leaves the previous version intact.
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { warning } from '../../diag/index.js';
import { writeFileAtomicSync } from '../../files/index.js';
import type { Diagnostic } from '../../diag/index.js';
import { APPLIED_FORMAT, APPLIED_VERSION } from '../../model/index.js';
import type { AppliedSnapshot, DesiredState } from '../../model/index.js';

export function appliedPath(planFile: string): string {
  const name = basename(planFile, extname(planFile));
  return join(dirname(planFile), '.stagemig', `${name}.applied.json`);
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

const isSnapshot = (v: unknown): v is AppliedSnapshot => {
  const s = v as Partial<AppliedSnapshot> | null;
  return typeof s === 'object' && s !== null && s.format === APPLIED_FORMAT && typeof s.service === 'string' &&
    typeof s.endpoints === 'object' && s.endpoints !== null && typeof s.batches === 'object' && s.batches !== null;
};

export async function loadApplied(desired: DesiredState): Promise<LoadedApplied> {
  const file = appliedPath(desired.planFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { diagnostics: [] };
    throw err;
  }
  const ignored = (why: string) => ({
    diagnostics: [warning('APPLIED_SNAPSHOT', `Ignoring ${file}: ${why}`, {
      detail: 'Without it, changes made outside stagemig cannot be told apart from YAML changes.',
      hint: 'The next successful `stagemig apply` writes a new one.',
    })],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return ignored('it is not valid JSON');
  }
  if (!isSnapshot(data)) return ignored('it is not a stagemig last-applied snapshot');
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
  const text = await readFile(file, 'utf8').catch(() => undefined);
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

export function saveAppliedSync(file: string, snapshot: AppliedSnapshot): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, JSON.stringify(snapshot) + '\n');
}
