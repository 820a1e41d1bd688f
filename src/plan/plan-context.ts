import { nameKey, PROVISIONED_USER } from '../model/index.js';
import { emailKey } from '../model/email-key.js';
import type { DesiredBatch, DesiredCutover, DesiredState, LiveBatch, LiveEndpoint, LiveState, LiveUser } from '../model/index.js';

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
  /** Desired batch of each mailbox, keyed by lower-cased address. */
  desiredBatchOfUser: Map<string, DesiredBatch>;
  /** Address keys (emailKey: NFC, lower case, IDNA domain) of each desired batch's rows, in CSV order. */
  desiredKeys: Map<DesiredBatch, string[]>;
  /** True when the address is already a cloud mailbox (its migration got past provisioning). */
  migrated(key: string): boolean;
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
    liveUserByEmail.set(key, u);
  }
  const desiredBatchOfUser = new Map<string, DesiredBatch>();
  const desiredKeys = new Map<DesiredBatch, string[]>();
  for (const b of desired.batches) {
    const keys = b.users.map((u) => emailKey(u.email));
    desiredKeys.set(b, keys);
    if (b.state !== 'removed') for (const k of keys) desiredBatchOfUser.set(k, b);
  }
  const mailboxes = new Set((live.mailboxes ?? []).map(emailKey));
  const migrated = (key: string): boolean => {
    const u = liveUserByEmail.get(key);
    return (u !== undefined && PROVISIONED_USER.has(u.status)) || mailboxes.has(key);
  };
  return {
    migrated,
    liveEndpoints: new Map(live.endpoints.map((e) => [nameKey(e.name), e])),
    liveBatches: new Map(live.batches.map((b) => [nameKey(b.name), b])),
    liveUsersByBatch,
    liveUserByEmail,
    desiredBatches: new Map(desired.batches.map((b) => [nameKey(b.name), b])),
    desiredBatchOfUser,
    desiredKeys,
    gating: { ...gating, ...(desired.cutover ? { cutover: desired.cutover } : {}) },
  };
}
