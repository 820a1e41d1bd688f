import type { AppliedBatch, AppliedEndpoint, AppliedSnapshot } from '../../src/model/index.js';

/** A last-applied snapshot for unit tests (the service id does not matter to the planner). */
export function applied(parts: { endpoints?: Record<string, AppliedEndpoint>; batches?: Record<string, AppliedBatch> } = {}): AppliedSnapshot {
  return {
    format: 'stagemig-applied', version: 1, service: 'simulator:.stagemig/simulator.json', updatedAt: '2026-01-05T09:00:00Z',
    endpoints: parts.endpoints ?? {}, batches: parts.batches ?? {},
  };
}

export const appliedEndpoint = (over: Partial<AppliedEndpoint> = {}): AppliedEndpoint => ({
  state: 'present', username: 'CONTOSO\\administrator', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10, ...over,
});

export const appliedBatch = (users: string[], over: Partial<AppliedBatch> = {}): AppliedBatch => ({
  state: 'started', notificationEmails: [], users: [...users].sort(), ...over,
});
