// Coexistence and limits (facts §1 items 5–6, §7.3, §7.4): pure checks of the plan against the live
// state that `plan` reads anyway, so `plan` runs them too and needs no extra service call.
// Must not: call the service, or pass a plan the service might refuse (an unset concurrency counts as the larger default).
import { MAX_BATCHES } from '../../config/index.js';
import { batchAddress, endpointAddress, nameKey, type DesiredState, type LiveState } from '../../model/index.js';
import type { CheckFinding } from './finding.js';

/** The cap on the sum of MaxConcurrentMigrations over the endpoints of one type (facts §3.2, KB2797784). */
export const MAX_CONCURRENT_PER_TYPE = 300;
/**
 * What an endpoint created without maxConcurrentMigrations counts for. The sources disagree on the
 * service default (facts §10 C1: the cmdlet reference says 100, the staged article and EX13 say 20);
 * the check assumes the larger, so it never passes a plan that the service might refuse.
 */
export const ASSUMED_DEFAULT_CONCURRENCY = 100;

export function coexistenceFindings(live: LiveState): CheckFinding[] {
  const cutover = live.batches.filter((b) => b.cutover === true);
  if (cutover.length === 0) {
    return [{ check: 'coexistence', object: 'tenant', status: 'passed', summary: 'No cutover batch exists: staged batches can be created.' }];
  }
  return cutover.map((b) => ({
    check: 'coexistence',
    object: batchAddress(b.name),
    status: 'failed',
    summary: `${b.name} is a cutover batch (${b.status}); staged and cutover batches cannot exist at the same time`,
    detail: 'The service refuses every new staged batch with "You can only have cutover or staged batches existing at any given time."',
    hint: `Finish that cutover migration and remove its batch (Remove-MigrationBatch -Identity ${b.name}) before the first staged batch.`,
  }));
}

function batchLimit(desired: DesiredState, live: LiveState): CheckFinding {
  // A batch whose status stagemig does not know still exists: it counts.
  const names = [...live.batches.map((b) => b.name), ...(live.unknown ?? []).filter((o) => o.kind === 'batch').map((o) => o.name)];
  const liveNames = new Set(names.map(nameKey));
  const managed = new Set(desired.batches.map((b) => nameKey(b.name)));
  const created = desired.batches.filter((b) => b.state !== 'removed' && !liveNames.has(nameKey(b.name))).length;
  const unmanaged = names.filter((n) => !managed.has(nameKey(n))).length;
  // Batch removals run after batch creations (DESIGN §4), so removed batches still count here.
  const total = names.length + created;
  const counts = { live: names.length, unmanaged, new: created, total };
  const facts = `${names.length} live (${unmanaged} not in this plan) + ${created} to create = ${total}`;
  if (total <= MAX_BATCHES) {
    return { check: 'limits', object: 'tenant', status: 'passed', summary: `Batches: ${facts}, within the limit of ${MAX_BATCHES}.`, counts };
  }
  return {
    check: 'limits',
    object: 'tenant',
    status: 'failed',
    summary: `Batches: ${facts}, over the limit of ${MAX_BATCHES}`,
    detail: 'The service refuses new batches with "The maximum number of migration batches is already running."',
    hint: 'Remove finished batches first (seed step 6, a separate apply), or merge waves so that fewer batches are needed.',
    counts,
  };
}

function concurrency(desired: DesiredState, live: LiveState): CheckFinding {
  const wanted = new Map(desired.endpoints.filter((e) => e.state !== 'removed').map((e) => [nameKey(e.name), e]));
  const removed = new Set(desired.endpoints.filter((e) => e.state === 'removed').map((e) => nameKey(e.name)));
  const parts: Array<{ name: string; value: number; assumed: boolean }> = [];
  for (const e of live.endpoints) {
    if (e.type !== 'ExchangeOutlookAnywhere' || removed.has(nameKey(e.name))) continue;
    const d = wanted.get(nameKey(e.name));
    const value = d?.maxConcurrentMigrations ?? e.maxConcurrentMigrations ?? ASSUMED_DEFAULT_CONCURRENCY;
    parts.push({ name: e.name, value, assumed: d?.maxConcurrentMigrations === undefined && e.maxConcurrentMigrations === undefined });
  }
  const liveNames = new Set(live.endpoints.map((e) => nameKey(e.name)));
  for (const d of wanted.values()) {
    if (liveNames.has(nameKey(d.name))) continue;
    parts.push({ name: d.name, value: d.maxConcurrentMigrations ?? ASSUMED_DEFAULT_CONCURRENCY, assumed: d.maxConcurrentMigrations === undefined });
  }
  parts.sort((a, b) => (nameKey(a.name) < nameKey(b.name) ? -1 : 1));
  const sum = parts.reduce((n, p) => n + p.value, 0);
  const list = parts.map((p) => `${p.name} ${Number.isFinite(p.value) ? p.value : 'Unlimited'}${p.assumed ? ' (not set; counted as the documented default)' : ''}`).join(', ');
  const object = parts.length === 1 ? endpointAddress(parts[0]!.name) : 'tenant';
  const label = Number.isFinite(sum) ? String(sum) : 'Unlimited';
  if (sum <= MAX_CONCURRENT_PER_TYPE) {
    return { check: 'limits', object, status: 'passed', summary: `Concurrent migrations of Outlook Anywhere endpoints: ${label} (${list || 'no endpoint'}), within ${MAX_CONCURRENT_PER_TYPE}.` };
  }
  return {
    check: 'limits',
    object,
    status: 'failed',
    summary: `Concurrent migrations of Outlook Anywhere endpoints add up to ${label}, over the limit of ${MAX_CONCURRENT_PER_TYPE}`,
    detail: `Per endpoint: ${list}. The service refuses the endpoint that would pass the limit.`,
    hint: `Lower maxConcurrentMigrations so that the endpoints of type ExchangeOutlookAnywhere add up to at most ${MAX_CONCURRENT_PER_TYPE}.`,
  };
}

/** Coexistence, the 100-batch limit and the 300-per-type concurrency cap. */
export function tenantFindings(desired: DesiredState, live: LiveState): CheckFinding[] {
  return [...coexistenceFindings(live), batchLimit(desired, live), concurrency(desired, live)];
}
