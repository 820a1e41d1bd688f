// Drift: differences the service shows that stagemig did not make, told apart from YAML changes by
// comparing three values per attribute (see src/model/applied.ts). Pure.
// Must not: do I/O, propose steps (build-plan.ts decides), or claim drift where a status is unknown (nothing was read).
import { appliedEntry, batchAddress, compareText, endpointAddress, nameKey } from '../model/index.js';
import type { AppliedSnapshot, DesiredState } from '../model/index.js';
import { batchDrift } from './drift-batch.js';
import { endpointDrift } from './drift-endpoint.js';
import type { PlanContext } from './plan-context.js';
import type { ChangeOrigin, DriftItem } from './plan.js';

export interface DriftResult {
  items: DriftItem[];
  /** Per address: why the resource differs (only addresses the snapshot knows about, or all YAML ones). */
  origins: Map<string, ChangeOrigin>;
}

const originOf = (drifted: boolean, yamlChanged: boolean): ChangeOrigin =>
  drifted ? (yamlChanged ? 'mixed' : 'drift') : 'config';

export function detectDrift(desired: DesiredState, ctx: PlanContext, applied: AppliedSnapshot): DriftResult {
  const items: DriftItem[] = [];
  const origins = new Map<string, ChangeOrigin>();
  for (const e of desired.endpoints) {
    const r = endpointDrift(e, appliedEntry(applied.endpoints, e.name), ctx.liveEndpoints.get(nameKey(e.name)));
    items.push(...r.items);
    origins.set(endpointAddress(e.name), originOf(r.items.length > 0, r.yamlChanged));
  }
  for (const b of desired.batches) {
    const key = nameKey(b.name);
    // A batch whose status, or one of whose users' status, is unknown: what the service shows is not read, so no drift is claimed.
    if (ctx.unknownBatches.has(key) || ctx.unknownUsersIn(b.name) > 0) continue;
    const batchOf = (email: string): string | undefined => {
      const u = ctx.liveUserByEmail.get(email);
      return u && nameKey(u.batch) !== key ? u.batch : undefined;
    };
    const members = ctx.liveUsersByBatch.get(key) ?? [];
    const r = batchDrift(b, appliedEntry(applied.batches, b.name), ctx.liveBatches.get(key), members, batchOf, ctx.keysOf(b));
    items.push(...r.items);
    origins.set(batchAddress(b.name), originOf(r.items.length > 0, r.yamlChanged));
  }
  items.sort((x, y) => compareText(x.address, y.address));
  return { items, origins };
}
