// What the server returns for the three reads: the simulator's live view plus the GUIDs it keeps,
// as plain JSON. The StagemigSimulator PowerShell module turns these into objects shaped like EXO's.
//
// Must not: print, or answer anything but 127.0.0.1 and its secret URL.
import type { LiveBatch, LiveEndpoint, LiveUser } from '../../model/index.js';
import { readBatches, readCloudMailboxes, readEndpoints, readUsers, reportedStatus, type SimState } from '../simulator/index.js';

export type ReadCmdlet = 'get-migrationendpoint' | 'get-migrationbatch' | 'get-migrationuser' | 'get-mailbox';

/** Unlimited<int> values travel as the string "Unlimited" (JSON has no Infinity). */
type Unlimited = number | 'Unlimited';
export type EndpointRecord = Omit<LiveEndpoint, 'maxConcurrentMigrations' | 'maxConcurrentIncrementalSyncs'> & {
  guid?: string;
  emailAddress?: string;
  maxConcurrentMigrations?: Unlimited;
  maxConcurrentIncrementalSyncs?: Unlimited;
};
/** A batch carries its whole source endpoint, as the real object does (facts §4.1). */
export type BatchRecord = LiveBatch & { guid?: string; sourceEndpoint?: EndpointRecord };
export type UserRecord = LiveUser & { batchGuid?: string };

const unlimited = (n: number | undefined): Unlimited | undefined =>
  n === undefined ? undefined : Number.isFinite(n) ? n : 'Unlimited';

const key = (s: string): string => s.toLowerCase();

export function endpointRecords(state: SimState | undefined): EndpointRecord[] {
  if (!state) return [];
  const byName = new Map(state.endpoints.map((e) => [key(e.name), e]));
  return readEndpoints(state).map((e) => {
    const sim = byName.get(key(e.name));
    const out: EndpointRecord = {
      ...e,
      maxConcurrentMigrations: unlimited(e.maxConcurrentMigrations),
      maxConcurrentIncrementalSyncs: unlimited(e.maxConcurrentIncrementalSyncs),
    };
    if (sim) out.guid = sim.guid;
    if (sim?.emailAddress !== undefined) out.emailAddress = sim.emailAddress;
    return out;
  });
}

export function batchRecords(state: SimState | undefined): BatchRecord[] {
  if (!state) return [];
  const byName = new Map(state.batches.map((b) => [key(b.name), b]));
  const endpoints = new Map(endpointRecords(state).map((e) => [key(e.name), e]));
  return readBatches(state).map((b) => {
    // A scenario's `unknownStatus` replaces the status on the wire (the record type holds any text then).
    const out: BatchRecord = { ...b, status: (reportedStatus(state, 'batches', b.name) ?? b.status) as LiveBatch['status'] };
    const sim = byName.get(key(b.name));
    if (sim) out.guid = sim.guid;
    const endpoint = b.endpoint === undefined ? undefined : endpoints.get(key(b.endpoint));
    if (endpoint) out.sourceEndpoint = endpoint;
    return out;
  });
}

export function userRecords(state: SimState | undefined): UserRecord[] {
  if (!state) return [];
  const guids = new Map(state.batches.map((b) => [key(b.name), b.guid]));
  return readUsers(state).map((x) => {
    const u = { ...x, status: (reportedStatus(state, 'users', x.email) ?? x.status) as LiveUser['status'] };
    const batchGuid = guids.get(key(u.batch));
    return batchGuid === undefined ? u : { ...u, batchGuid };
  });
}

/** `organization`: the connected tenant, the domain of the mailboxes' routing addresses. */
export function readRecords(state: SimState | undefined, cmdlet: ReadCmdlet, organization?: string): unknown[] {
  if (cmdlet === 'get-mailbox') return readCloudMailboxes(state, organization);
  if (cmdlet === 'get-migrationendpoint') return endpointRecords(state);
  if (cmdlet === 'get-migrationbatch') return batchRecords(state);
  return userRecords(state);
}

/** The object a New-* cmdlet returns, found by the name it was given. */
export function createdRecord(state: SimState | undefined, cmdlet: string, name: string): unknown {
  const k = key(name.trim());
  if (cmdlet === 'new-migrationendpoint') return endpointRecords(state).find((e) => key(e.name) === k);
  if (cmdlet === 'new-migrationbatch') return batchRecords(state).find((b) => key(b.name) === k);
  return undefined;
}
