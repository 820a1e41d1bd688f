// Indexes built once per plan (users by address, batches by name, gating facts) so diffs run in O(1) per lookup.
//
// Must not: do I/O or read the clock (gating's time comes in); pure.
import { batchKeys, nameKey, PROVISIONED_USER } from '../model/index.js';
import { emailKey } from '../model/email-key.js';
import type { DesiredBatch, DesiredCutover, DesiredState, LiveBatch, LiveEndpoint, LiveState, LiveUser, UnknownLiveObject } from '../model/index.js';

/** Indexes built once per plan so every lookup is O(1), whatever the number of mailboxes. */
export interface KeyedUser {
  /** Address key (emailKey), computed once per plan. */
  key: string;
  user: LiveUser;
}

export interface PlanContext {
  liveEndpoints: Map<string, LiveEndpoint>;
  liveBatches: Map<string, LiveBatch>;
  liveUsersByBatch: Map<string, KeyedUser[]>;
  liveUserByEmail: Map<string, LiveUser>;
  desiredBatches: Map<string, DesiredBatch>;
  /** The desired batch (not `state: removed`) that lists the address key, if any. */
  desiredBatchOf(key: string): DesiredBatch | undefined;
  /** Address keys (emailKey: NFC, lower case, IDNA domain) of a desired batch's rows, in CSV order (made on first use). */
  keysOf(b: DesiredBatch): readonly string[];
  /** True when the address is already a cloud mailbox (its migration got past provisioning). */
  migrated(key: string): boolean;
  /** False when no mailbox is live, migrated or of unknown status (a first plan): no per-mailbox lookup can find anything. */
  anyLiveMailbox: boolean;
  /** Batches whose status the service gave in a value stagemig does not know, by nameKey: left alone. */
  unknownBatches: Map<string, UnknownLiveObject>;
  /** Migration users with an unknown status, by address key: no step touches them. */
  unknownUsers: Map<string, UnknownLiveObject>;
  /** How many users with an unknown status each batch holds (by nameKey). */
  unknownUsersIn(batch: string): number;
  /** What the removal gates need (removal-gates.ts). */
  gating: Gating;
}

export interface Gating {
  /** The service's time (the simulated clock on the simulator). */
  now: Date;
  /** --allow-remove: closed gates are skipped (and named). */
  allowRemove: boolean;
  cutover?: DesiredCutover;
}

export function buildContext(desired: DesiredState, live: LiveState, gating: Omit<Gating, 'cutover'> = { now: new Date(0), allowRemove: false }): PlanContext {
  // 200,000 mailboxes: every address is keyed once, and each batch's member list is found once.
  const liveUsersByBatch = new Map<string, KeyedUser[]>();
  const liveUserByEmail = new Map<string, LiveUser>();
  const provisioned = new Set<string>();
  let lastBatch: string | undefined;
  let lastList: KeyedUser[] = [];
  for (const u of live.users) {
    if (u.batch !== lastBatch) {
      const batchKey = nameKey(u.batch);
      lastBatch = u.batch;
      lastList = liveUsersByBatch.get(batchKey) ?? [];
      liveUsersByBatch.set(batchKey, lastList);
    }
    const key = emailKey(u.email);
    lastList.push({ key, user: u });
    // One address with several migration records (address/MailboxGuid): the one not being removed stands for it.
    const seen = liveUserByEmail.get(key);
    if (seen === undefined || seen.status === 'Removing') liveUserByEmail.set(key, u);
    if (PROVISIONED_USER.has(u.status)) provisioned.add(key);
  }
  const desiredKeys = new Map<DesiredBatch, readonly string[]>();
  const keysOf = (b: DesiredBatch): readonly string[] => {
    let keys = desiredKeys.get(b);
    if (!keys) desiredKeys.set(b, (keys = batchKeys(b)));
    return keys;
  };
  // Asked only for live members that leave a batch: built on the first question, not for every plan.
  let desiredBatchOfUser: Map<string, DesiredBatch> | undefined;
  const desiredBatchOf = (key: string): DesiredBatch | undefined => {
    if (!desiredBatchOfUser) {
      desiredBatchOfUser = new Map();
      for (const b of desired.batches) if (b.state !== 'removed') for (const k of keysOf(b)) desiredBatchOfUser.set(k, b);
    }
    return desiredBatchOfUser.get(key);
  };
  const mailboxes = new Set((live.mailboxes ?? []).map(emailKey));
  const migrated = (key: string): boolean => provisioned.has(key) || mailboxes.has(key);
  const unknownBatches = new Map<string, UnknownLiveObject>();
  const unknownUsers = new Map<string, UnknownLiveObject>();
  const unknownPerBatch = new Map<string, number>();
  for (const o of live.unknown ?? []) {
    if (o.kind === 'batch') unknownBatches.set(nameKey(o.name), o);
    else {
      unknownUsers.set(emailKey(o.name), o);
      const k = nameKey(o.batch ?? '');
      unknownPerBatch.set(k, (unknownPerBatch.get(k) ?? 0) + 1);
    }
  }
  return {
    migrated,
    anyLiveMailbox: liveUserByEmail.size > 0 || provisioned.size > 0 || mailboxes.size > 0 || unknownUsers.size > 0,
    unknownBatches,
    unknownUsers,
    unknownUsersIn: (batch: string) => unknownPerBatch.get(nameKey(batch)) ?? 0,
    liveEndpoints: new Map(live.endpoints.map((e) => [nameKey(e.name), e])),
    liveBatches: new Map(live.batches.map((b) => [nameKey(b.name), b])),
    liveUsersByBatch,
    liveUserByEmail,
    desiredBatches: new Map(desired.batches.map((b) => [nameKey(b.name), b])),
    desiredBatchOf,
    keysOf,
    gating: { ...gating, ...(desired.cutover ? { cutover: desired.cutover } : {}) },
  };
}
