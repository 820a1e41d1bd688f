// The values a snapshot records for a resource, derived from the YAML or from the live service.
// Shared by drift detection (planner) and by apply, which writes the snapshot.
//
// Must not: do I/O or read the clock: the planner is pure.
import { batchEmails, type AppliedBatch, type AppliedEndpoint, type DesiredBatch, type DesiredEndpoint, type LiveBatch, type LiveUser } from '../model/index.js';
import { stateOfLive } from './converged.js';

export const ENDPOINT_SETTINGS = [
  'exchangeServer', 'rpcProxyServer', 'authentication', 'username', 'maxConcurrentMigrations', 'maxConcurrentIncrementalSyncs',
] as const;
export type EndpointSetting = (typeof ENDPOINT_SETTINGS)[number];

/** Settings compare like the service does: text case-insensitively, numbers exactly; unset equals unset. */
export function sameSetting(a: string | number | undefined, b: string | number | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function appliedEndpointOf(e: DesiredEndpoint): AppliedEndpoint {
  if (e.state === 'removed') return { state: 'removed' };
  const out: AppliedEndpoint = { state: 'present', username: e.username };
  if (e.authentication !== undefined) out.authentication = e.authentication;
  if (e.exchangeServer !== undefined) out.exchangeServer = e.exchangeServer;
  if (e.rpcProxyServer !== undefined) out.rpcProxyServer = e.rpcProxyServer;
  if (e.maxConcurrentMigrations !== undefined) out.maxConcurrentMigrations = e.maxConcurrentMigrations;
  if (e.maxConcurrentIncrementalSyncs !== undefined) out.maxConcurrentIncrementalSyncs = e.maxConcurrentIncrementalSyncs;
  return out;
}

export const lowerSorted = (emails: Iterable<string>): string[] => [...new Set([...emails].map((e) => e.toLowerCase()))].sort();

export function appliedBatchOf(b: DesiredBatch): AppliedBatch {
  if (b.state === 'removed') return { state: 'removed', notificationEmails: [], users: [] };
  return { state: b.state, notificationEmails: [...b.notificationEmails], users: lowerSorted([...batchEmails(b)]) };
}

/** A live batch as a snapshot entry: the base that apply's steps change when nothing was recorded yet. */
export function appliedBatchFromLive(live: LiveBatch | undefined, members: readonly LiveUser[]): AppliedBatch {
  if (!live || live.status === 'Removing') return { state: 'removed', notificationEmails: [], users: [] };
  return {
    state: stateOfLive(live),
    notificationEmails: [...live.notificationEmails],
    users: lowerSorted(members.filter((u) => u.status !== 'Removing').map((u) => u.email)),
  };
}

export function sameEmails(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a.map((x) => x.toLowerCase()));
  return b.every((x) => set.has(x.toLowerCase()));
}
