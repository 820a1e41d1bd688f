// The three reads (Get-MigrationEndpoint, Get-MigrationBatch, Get-MigrationUser) as LiveState.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import {
  BATCH_STATUSES, compareText, USER_STATUS_SUMMARY, USER_STATUSES, type LiveBatch, type LiveEndpoint, type LiveState, type LiveUser,
  type UnknownLiveObject,
} from '../../model/index.js';
import { ms, type SimBatch, type SimState, type SimUser } from './state.js';
import { T } from './texts.js';
import { consistencyScore, mailboxProfile } from './timing.js';
import { cloudMailboxAddresses } from './cloud-mailboxes.js';

const SCORES = ['Perfect', 'Good', 'Investigate', 'Poor'] as const;

/** The batch's data consistency score: the worst of its synced mailboxes' (facts §4.1). */
function batchScore(users: SimUser[]): string | undefined {
  let worst = -1;
  for (const u of users) {
    if (u.status !== 'Synced') continue;
    worst = Math.max(worst, SCORES.indexOf(consistencyScore(u.syncedItemCount, u.skippedItemCount)));
    if (worst === SCORES.length - 1) break;
  }
  return worst < 0 ? undefined : SCORES[worst];
}

const byKey = <X>(key: (x: X) => string) => (a: X, b: X): number => compareText(key(a).toLowerCase(), key(b).toLowerCase());

export function readEndpoints(state: SimState): LiveEndpoint[] {
  return state.endpoints
    .map((e): LiveEndpoint => {
      const out: LiveEndpoint = {
        name: e.name,
        type: e.type,
        autodiscover: e.autodiscover,
        username: e.username,
        authentication: e.authentication,
        maxConcurrentMigrations: e.maxConcurrentMigrations,
        maxConcurrentIncrementalSyncs: e.maxConcurrentIncrementalSyncs,
      };
      if (e.exchangeServer !== undefined) out.exchangeServer = e.exchangeServer;
      if (e.rpcProxyServer !== undefined) out.rpcProxyServer = e.rpcProxyServer;
      return out;
    })
    .sort(byKey((e) => e.name));
}

function groupUsers(state: SimState): Map<string, SimUser[]> {
  const groups = new Map<string, SimUser[]>();
  for (const u of state.users) {
    const k = u.batch.toLowerCase();
    const list = groups.get(k);
    if (list) list.push(u);
    else groups.set(k, [u]);
  }
  return groups;
}

/** The batch counters in one pass over its users (facts §11 item 5). */
function counters(users: SimUser[]): Record<'Active' | 'Synced' | 'Failed' | 'Stopped' | 'Pending' | 'Provisioned', number> {
  const c = { Active: 0, Synced: 0, Failed: 0, Stopped: 0, Pending: 0, Provisioned: 0 };
  for (const u of users) {
    if (u.provisioned) c.Provisioned += 1;
    const s = u.pending ? 'Pending' : USER_STATUS_SUMMARY[u.status];
    if (s !== null && s !== 'Completed') c[s] += 1;
  }
  return c;
}

function liveBatch(b: SimBatch, users: SimUser[]): LiveBatch {
  const c = counters(users);
  const out: LiveBatch = {
    name: b.name,
    status: b.status === 'Synced' && c.Failed > 0 ? 'SyncedWithErrors' : b.status,
    endpoint: b.endpoint,
    notificationEmails: [...b.notificationEmails],
    totalCount: users.length,
    activeCount: c.Active,
    syncedCount: c.Synced,
    failedCount: c.Failed,
    stoppedCount: c.Stopped,
    pendingCount: c.Pending,
    provisionedCount: c.Provisioned,
    creationDateTime: b.creationDateTime,
    validationWarnings: b.validationWarnings.map((w) => T.warningToString(w.row, w.email, w.message)),
  };
  if (b.startDateTime !== undefined) out.startDateTime = b.startDateTime;
  if (b.startAfter !== undefined) out.startAfter = b.startAfter;
  const score = batchScore(users);
  if (score !== undefined) out.dataConsistencyScore = score;
  if (b.initialSyncDateTime !== undefined) out.initialSyncDateTime = b.initialSyncDateTime;
  if (b.lastSyncedDateTime !== undefined) out.lastSyncedDateTime = b.lastSyncedDateTime;
  return out;
}

export function readBatches(state: SimState): LiveBatch[] {
  const groups = groupUsers(state);
  return state.batches.map((b) => {
    const live = liveBatch(b, groups.get(b.name.toLowerCase()) ?? []);
    return b.type === 'cutover' ? { ...live, cutover: true as const } : live;
  }).sort(byKey((b) => b.name));
}

/** Items synced so far: proportional to the time spent in the initial sync (at the mailbox's rate). */
function itemsSoFar(state: SimState, u: SimUser): number {
  if (u.status !== 'Syncing' || u.phaseStartedAt === undefined || u.phaseEndsAt === undefined) return u.syncedItemCount;
  const { items, syncMs } = mailboxProfile(u.email);
  const done = Math.min(Math.max(ms(state.now) - ms(u.phaseStartedAt), 0), ms(u.phaseEndsAt) - ms(u.phaseStartedAt));
  return syncMs > 0 ? Math.floor((items * done) / syncMs) : 0;
}

export function readUsers(state: SimState): LiveUser[] {
  const batchName = new Map(state.batches.map((b) => [b.name.toLowerCase(), b.name]));
  return state.users
    .map((u): LiveUser => {
      const out: LiveUser = {
        email: u.email,
        batch: batchName.get(u.batch.toLowerCase()) ?? u.batch,
        status: u.status,
        syncedItemCount: itemsSoFar(state, u),
        skippedItemCount: u.skippedItemCount,
      };
      if (u.lastSuccessfulSyncTime !== undefined) out.lastSuccessfulSyncTime = u.lastSuccessfulSyncTime;
      if (u.errorSummary !== undefined) out.errorSummary = u.errorSummary;
      return out;
    })
    .sort(byKey((u) => u.email));
}

/** The scenario's `unknownStatus`: the status each read reports instead (records.ts does the same for the stand-in). */
export function reportedStatus(state: SimState, kind: 'batches' | 'users', name: string): string | undefined {
  return state.faults.unknownStatus?.[kind]?.[name.toLowerCase()];
}

/** Batches and users whose reported status is one stagemig does not know move to `unknown` (as the bridge's mapper does). */
function withUnknown(state: SimState, live: LiveState): LiveState {
  const u = state.faults.unknownStatus;
  if (!u) return live;
  const unknown: UnknownLiveObject[] = [];
  const batches = live.batches.filter((b) => {
    const s = reportedStatus(state, 'batches', b.name);
    if (s === undefined || (BATCH_STATUSES as readonly string[]).includes(s)) return true;
    unknown.push({ kind: 'batch', name: b.name, status: s });
    return false;
  });
  const users = live.users.filter((x) => {
    const s = reportedStatus(state, 'users', x.email);
    if (s === undefined || (USER_STATUSES as readonly string[]).includes(s)) return true;
    unknown.push({ kind: 'user', name: x.email, batch: x.batch, status: s });
    return false;
  });
  const out: LiveState = { ...live, batches, users };
  if (unknown.length > 0) out.unknown = unknown.sort((a, b) => compareText(`${a.kind}:${a.name}`.toLowerCase(), `${b.kind}:${b.name}`.toLowerCase()));
  return out;
}

export function toLiveState(state: SimState | undefined): LiveState {
  if (!state) return { endpoints: [], batches: [], users: [] };
  const live: LiveState = withUnknown(state, { endpoints: readEndpoints(state), batches: readBatches(state), users: readUsers(state) });
  // Every cloud mailbox, as Get-Mailbox lists it (the exchange-online backend reads the same): a mailbox whose
  // migration record is gone, or whose record failed after provisioning, is never submitted again.
  const mailboxes = cloudMailboxAddresses(state);
  if (mailboxes.length > 0) live.mailboxes = mailboxes;
  return live;
}
