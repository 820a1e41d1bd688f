// Delete only when safe (seed step 6, DESIGN §3): a batch with `state: removed` is removed once every
// gate below is open. Until then the plan holds the removal and says which gate holds it and when it
// opens; --allow-remove overrides, and the plan says what it skipped. Pure: `now` is passed in.
// Must not: do I/O, read the clock (`now` comes in), or open a gate it cannot check (nothing recorded: closed).
import { nameKey } from '../model/index.js';
import type { DesiredBatch, DesiredCutover, LiveUser, UserStatus } from '../model/index.js';
import { USER_STATUS_SUMMARY } from '../model/index.js';
import { DEFAULT_WAIT_AFTER_MX_MS } from '../model/index.js';
import { plural } from '../model/plural.js';
import { INCREMENTAL_SYNC_INTERVAL_MS } from '../model/sync-interval.js';

export type GateKind = 'synced' | 'converted' | 'synced-after-conversion' | 'mx-wait';

export interface RemovalGate {
  kind: GateKind;
  open: boolean;
  /** What holds the removal (closed) or what was checked (open). */
  summary: string;
  /** When it opens, when that is known (ISO-8601 UTC). */
  opensAt?: string;
  /** How it opens when no time is known. */
  opensWhen?: string;
  /**
   * Nothing opens it by itself: every mailbox that holds it has failed or is stopped, and only the admin
   * can retry them (Start-MigrationBatch) or drop them from the CSV. `apply --wait` stops at once.
   */
  stuck?: boolean;
}

/** Status summaries (facts §5) of mailboxes the service does not move on by itself: failed, or stopped with their batch. */
const STUCK_USER: ReadonlySet<string | null> = new Set(['Failed', 'Stopped']);

/** User statuses at which a staged mailbox is done: removing the batch loses nothing of its initial sync. */
export const DONE_USER: ReadonlySet<UserStatus> = new Set(['Synced', 'IncrementalSynced', 'CompletionSynced', 'Completed']);


const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** 2026-12-02T09:30:00Z → "2026-12-02 09:30 UTC" (the views' short form; the planner cannot use render/). */
export const gateTime = (isoText: string): string => `${isoText.slice(0, 10)} ${isoText.slice(11, 16)} UTC`;

function syncedGate(users: readonly LiveUser[]): RemovalGate {
  const pending = new Map<UserStatus, number>();
  for (const u of users) if (!DONE_USER.has(u.status)) pending.set(u.status, (pending.get(u.status) ?? 0) + 1);
  if (pending.size === 0) return { kind: 'synced', open: true, summary: `all ${plural(users.length, 'mailbox is', 'mailboxes are')} Synced` };
  const n = [...pending.values()].reduce((a, b) => a + b, 0);
  const by = [...pending].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, k]) => `${k} ${s}`).join(', ');
  const stuck = [...pending.keys()].every((s) => STUCK_USER.has(USER_STATUS_SUMMARY[s]));
  return {
    kind: 'synced', open: false,
    summary: `${n} of its ${plural(users.length, 'mailbox is', 'mailboxes are')} not Synced (${by})`,
    opensWhen: 'once every mailbox is Synced (failed ones retried, or dropped from the CSV)',
    ...(stuck ? { stuck } : {}),
  };
}

function convertedGate(b: DesiredBatch, now: number): RemovalGate {
  if (b.convertedAt === undefined) {
    return {
      kind: 'converted', open: false,
      summary: 'the conversion of its on-premises mailboxes to mail-enabled users is not recorded',
      opensWhen: `once \`convertedAt\` is set on batch ${b.name} in the YAML (after running the conversion: stagemig convert)`,
    };
  }
  const at = Date.parse(b.convertedAt);
  if (at > now) {
    return { kind: 'converted', open: false, summary: `the recorded conversion time ${gateTime(iso(at))} is still in the future`, opensAt: iso(at) };
  }
  return { kind: 'converted', open: true, summary: `converted at ${gateTime(iso(at))}` };
}

function syncedAfterGate(b: DesiredBatch, users: readonly LiveUser[], now: number): RemovalGate {
  if (b.convertedAt === undefined) {
    return { kind: 'synced-after-conversion', open: false, summary: 'no sync after the conversion can be checked until the conversion is recorded', opensWhen: 'after the conversion is recorded and every mailbox has synced since' };
  }
  const at = Date.parse(b.convertedAt);
  let before = 0;
  let oldest: number | undefined;
  for (const u of users) {
    const last = u.lastSuccessfulSyncTime === undefined ? undefined : Date.parse(u.lastSuccessfulSyncTime);
    if (last !== undefined && last > at) continue;
    before++;
    if (last !== undefined && (oldest === undefined || last < oldest)) oldest = last;
  }
  if (before === 0) return { kind: 'synced-after-conversion', open: true, summary: 'every mailbox has synced since the conversion' };
  const gate: RemovalGate = {
    kind: 'synced-after-conversion', open: false,
    summary: `${before} of its ${plural(users.length, 'mailbox has', 'mailboxes have')} not synced since the conversion (what reached them before it would be lost)`,
    opensWhen: 'at the next sync of those mailboxes',
  };
  if (oldest !== undefined) {
    // The service's next sync of the oldest of them after the conversion: one interval after the last, repeatedly.
    const ticks = Math.floor((at - oldest) / INCREMENTAL_SYNC_INTERVAL_MS) + 1;
    const expected = oldest + ticks * INCREMENTAL_SYNC_INTERVAL_MS;
    gate.opensWhen = expected > now
      ? `at the next sync of those mailboxes (expected about ${gateTime(iso(expected))})`
      : 'at the next sync of those mailboxes (overdue: if the service does not sync them again, verify mail forwarding and use --allow-remove)';
  }
  return gate;
}

function mxGate(cutover: DesiredCutover | undefined, now: number): RemovalGate | undefined {
  if (cutover?.mxSwitchedAt === undefined) return undefined;
  const wait = cutover.waitAfterMxSwitchMs ?? DEFAULT_WAIT_AFTER_MX_MS;
  const opens = Date.parse(cutover.mxSwitchedAt) + wait;
  const hours = Math.round(wait / 3_600_000);
  if (now >= opens) return { kind: 'mx-wait', open: true, summary: `${hours} h have passed since the MX switch` };
  return {
    kind: 'mx-wait', open: false,
    summary: `the MX switch at ${gateTime(iso(Date.parse(cutover.mxSwitchedAt)))} is less than ${hours} h ago`,
    opensAt: iso(opens),
  };
}

/** Every gate for removing batch `b` whose live members are `users`, at `now`. */
export function removalGates(b: DesiredBatch, users: readonly LiveUser[], cutover: DesiredCutover | undefined, now: Date): RemovalGate[] {
  const t = now.getTime();
  const gates = [syncedGate(users), convertedGate(b, t), syncedAfterGate(b, users, t)];
  const mx = mxGate(cutover, t);
  if (mx) gates.push(mx);
  return gates;
}

/** "… (opens 2026-12-05 18:00 UTC)" or "… (opens once …)". */
export function gateText(g: RemovalGate): string {
  if (g.opensAt !== undefined) return `${g.summary}; opens ${gateTime(g.opensAt)}`;
  return g.opensWhen !== undefined ? `${g.summary}; opens ${g.opensWhen}` : g.summary;
}

/** Members of a batch by name, from the live users. */
export function membersOf(users: readonly LiveUser[], batch: string): LiveUser[] {
  const key = nameKey(batch);
  return users.filter((u) => nameKey(u.batch) === key);
}
