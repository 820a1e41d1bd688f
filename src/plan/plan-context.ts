import { nameKey } from '../model/index.js';
import type { DesiredBatch, DesiredState, LiveBatch, LiveEndpoint, LiveState, LiveUser } from '../model/index.js';

/** Indexes built once per plan so every lookup is O(1), whatever the number of mailboxes. */
export interface PlanContext {
  liveEndpoints: Map<string, LiveEndpoint>;
  liveBatches: Map<string, LiveBatch>;
  liveUsersByBatch: Map<string, LiveUser[]>;
  liveUserByEmail: Map<string, LiveUser>;
  desiredBatches: Map<string, DesiredBatch>;
  /** Desired batch of each mailbox, keyed by lower-cased address. */
  desiredBatchOfUser: Map<string, DesiredBatch>;
}

export function buildContext(desired: DesiredState, live: LiveState): PlanContext {
  const liveUsersByBatch = new Map<string, LiveUser[]>();
  const liveUserByEmail = new Map<string, LiveUser>();
  for (const u of live.users) {
    const key = nameKey(u.batch);
    const list = liveUsersByBatch.get(key);
    if (list) list.push(u);
    else liveUsersByBatch.set(key, [u]);
    liveUserByEmail.set(u.email.toLowerCase(), u);
  }
  const desiredBatchOfUser = new Map<string, DesiredBatch>();
  for (const b of desired.batches) {
    if (b.state === 'removed') continue;
    for (const u of b.users) desiredBatchOfUser.set(u.email.toLowerCase(), b);
  }
  return {
    liveEndpoints: new Map(live.endpoints.map((e) => [nameKey(e.name), e])),
    liveBatches: new Map(live.batches.map((b) => [nameKey(b.name), b])),
    liveUsersByBatch,
    liveUserByEmail,
    desiredBatches: new Map(desired.batches.map((b) => [nameKey(b.name), b])),
    desiredBatchOfUser,
  };
}
