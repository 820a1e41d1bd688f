// Reads Microsoft Graph's licences when the plan needs them (a batch declares `license`), and the
// errors about them: a SKU the tenant does not have is pointed at in the YAML.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import type { Backend } from '../backends/index.js';
import { error, StagemigError } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { DesiredState, LicensingState } from '../model/index.js';
import { skuOf } from '../plan/diff-licenses.js';

export const needsLicensing = (desired: DesiredState): boolean => desired.batches.some((b) => b.license !== undefined);

export async function readLicensingFor(desired: DesiredState, backend: Backend, always = false): Promise<LicensingState | undefined> {
  if (!always && !needsLicensing(desired)) return undefined;
  if (!backend.readLicensing) {
    if (!always) throw new StagemigError([error('BACKEND_FAILED', 'This backend cannot read licences (Microsoft Graph)', { hint: 'Remove `license` from the batches, or use the simulator or exchange-online backend.' })]);
    return undefined;
  }
  return backend.readLicensing();
}

/** Why `status` or `check` did not read licences: no batch declares `license`, or the backend has no Microsoft Graph. */
export type LicensesNotRead = 'no-license-declared' | 'no-graph';

/**
 * `status` and `check`: licences only when the plan assigns them, as plan and apply decide, so a plan
 * without `license` never signs in to Microsoft Graph (an admin without its modules can use them).
 */
export async function readLicensingForReport(desired: DesiredState, backend: Backend): Promise<{ licensing: LicensingState } | { notRead: LicensesNotRead }> {
  if (!needsLicensing(desired)) return { notRead: 'no-license-declared' };
  if (!backend.readLicensing) return { notRead: 'no-graph' };
  return { licensing: await backend.readLicensing() };
}

export function licenseDiagnostics(desired: DesiredState, licensing: LicensingState | undefined): Diagnostic[] {
  if (!licensing) return [];
  const out: Diagnostic[] = [];
  const known = licensing.skus.map((s) => s.skuPartNumber).sort();
  for (const b of desired.batches) {
    if (!b.license || skuOf(licensing, b.license.skuPartNumber)) continue;
    out.push(error('UNKNOWN_LICENSE_SKU', `batch ${b.name}: the tenant has no subscription with SKU part number ${b.license.skuPartNumber}`, {
      address: `batch.${b.name}`, range: b.license.source,
      hint: `Use one the tenant lists (Get-MgSubscribedSku): ${known.join(', ') || '(none)'}.`,
    }));
  }
  return out;
}
