// The bridge's normalised read results → LiveState. A value in a shape stagemig does not know is an error,
// never "absent"; the one exception is a status value outside the documented enum (facts §5): that batch or
// user is reported as unknown (LiveState.unknown) and the planner leaves it alone, so the rest still plans.
// Must not: call the service (the session reads; this only maps), or drop an object it cannot read: LiveShapeError names it.
import {
  BATCH_STATUSES, compareText, USER_STATUSES, type BatchStatus, type LiveBatch, type LiveEndpoint, type LiveState,
  type LiveUser, type UnknownLiveObject, type UserStatus,
} from '../../model/index.js';
import { addressValue, enumValue, splitUserIdentity, unlimitedValue } from './live-values.js';

export class LiveShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveShapeError';
  }
}

type Raw = Record<string, unknown>;

export function objects(value: unknown, what: string): Raw[] {
  if (!Array.isArray(value)) throw new LiveShapeError(`${what}: expected a list`);
  return value.map((v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new LiveShapeError(`${what}: expected objects`);
    return v as Raw;
  });
}

export function text(o: Raw, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new LiveShapeError(`${what}: "${key}" is missing`);
  return v;
}

export function optText(o: Raw, key: string, what: string): string | undefined {
  const v = o[key];
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new LiveShapeError(`${what}: "${key}" is not text`);
  return v;
}

function count(o: Raw, key: string, what: string): number {
  const v = o[key] ?? 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new LiveShapeError(`${what}: "${key}" is not a count`);
  return v;
}

/** Unlimited<int> in any of its shapes (live-values.ts); Infinity for unlimited. */
function unlimited(o: Raw, key: string, what: string): number | undefined {
  const v = o[key];
  if (v === null || v === undefined) return undefined;
  const n = unlimitedValue(v);
  if (n === undefined) throw new LiveShapeError(`${what}: "${key}" is not a number or Unlimited`);
  return n;
}

/** An address in any of its shapes (text, SmtpAddress or proxy address objects). */
export function address(o: Raw, key: string, what: string): string {
  const a = addressValue(o[key]);
  if (a === undefined) throw new LiveShapeError(`${what}: "${key}" is not an address`);
  return a;
}

/** A list of addresses in any of their shapes; a single value counts as a list of one. */
export function addresses(o: Raw, key: string, what: string): string[] {
  const v = o[key] ?? [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => {
    const a = addressValue(x);
    if (a === undefined) throw new LiveShapeError(`${what}: "${key}" is not a list of addresses`);
    return a;
  });
}

export function texts(o: Raw, key: string, what: string): string[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new LiveShapeError(`${what}: "${key}" is not a list of text`);
  return [...(v as string[])];
}

/** A status: a known member name, or `{ unknown }` with the value as the service gave it. */
function status<T extends string>(allowed: readonly T[], o: Raw, what: string): { known: T } | { unknown: string } {
  const v = enumValue(o.status, allowed);
  if (v === undefined) throw new LiveShapeError(`${what}: "status" is missing`);
  return 'name' in v ? { known: v.name as T } : { unknown: v.text };
}

const sortBy = <X>(list: X[], key: (x: X) => string): X[] =>
  list.sort((a, b) => compareText(key(a).toLowerCase(), key(b).toLowerCase()));

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** AuthenticationMethod in value order (the stand-in's enum, EX13): a number maps to its name. */
const AUTHENTICATION_METHODS = ['Basic', 'Digest', 'Ntlm', 'Fba', 'WindowsIntegrated', 'LiveIdFba', 'LiveIdBasic', 'WSSecurity', 'Certificate', 'NegoEx', 'OAuth', 'Adfs', 'Kerberos', 'Negotiate', 'LiveIdNegotiate'];

/** MigrationType flags (facts §5.4): a single-flag number maps to its name. */
const MIGRATION_TYPES: string[] = [];
for (const [n, name] of [[1, 'IMAP'], [2, 'XO1'], [4, 'ExchangeOutlookAnywhere'], [8, 'BulkProvisioning'], [16, 'ExchangeRemoteMove'],
  [32, 'ExchangeLocalMove'], [64, 'PSTImport'], [128, 'PublicFolder']] as const) MIGRATION_TYPES[n] = name;

export function mapEndpoints(raw: unknown): LiveEndpoint[] {
  return sortBy(objects(raw, 'Get-MigrationEndpoint').map((o) => {
    const what = 'Get-MigrationEndpoint';
    if (typeof o.autodiscover !== 'boolean') throw new LiveShapeError(`${what}: "autodiscover" is not true or false`);
    const type = enumValue(o.type, MIGRATION_TYPES);
    if (type === undefined) throw new LiveShapeError(`${what}: "type" is missing`);
    const e: LiveEndpoint = { name: text(o, 'name', what), type: 'name' in type ? type.name : type.text, autodiscover: o.autodiscover };
    assign(e, 'username', optText(o, 'username', what));
    const auth = o.authentication === null || o.authentication === undefined ? undefined : enumValue(o.authentication, AUTHENTICATION_METHODS);
    if (auth !== undefined) e.authentication = 'name' in auth ? auth.name : auth.text;
    assign(e, 'maxConcurrentMigrations', unlimited(o, 'maxConcurrentMigrations', what));
    assign(e, 'maxConcurrentIncrementalSyncs', unlimited(o, 'maxConcurrentIncrementalSyncs', what));
    assign(e, 'exchangeServer', optText(o, 'exchangeServer', what));
    assign(e, 'rpcProxyServer', optText(o, 'rpcProxyServer', what));
    return e;
  }), (e) => e.name);
}

/** Batches; one with an unknown status goes to `unknown` instead. */
export function mapBatches(raw: unknown, unknown: UnknownLiveObject[]): LiveBatch[] {
  const what = 'Get-MigrationBatch';
  const out: LiveBatch[] = [];
  for (const o of objects(raw, what)) {
    const name = text(o, 'name', what);
    const s = status<BatchStatus>(BATCH_STATUSES, o, what);
    if ('unknown' in s) {
      unknown.push({ kind: 'batch', name, status: s.unknown });
      continue;
    }
    const b: LiveBatch = {
      name,
      status: s.known,
      endpoint: optText(o, 'endpoint', what),
      notificationEmails: addresses(o, 'notificationEmails', what),
      totalCount: count(o, 'totalCount', what),
      activeCount: count(o, 'activeCount', what),
      syncedCount: count(o, 'syncedCount', what),
      failedCount: count(o, 'failedCount', what),
      stoppedCount: count(o, 'stoppedCount', what),
      pendingCount: count(o, 'pendingCount', what),
      provisionedCount: count(o, 'provisionedCount', what),
      creationDateTime: optText(o, 'creationDateTime', what),
      validationWarnings: texts(o, 'validationWarnings', what),
    };
    if (b.endpoint === undefined) delete b.endpoint;
    if (o.isStaged === false) b.cutover = true;
    if (b.creationDateTime === undefined) delete b.creationDateTime;
    for (const k of ['startDateTime', 'initialSyncDateTime', 'lastSyncedDateTime', 'startAfter', 'dataConsistencyScore'] as const) {
      assign(b, k, optText(o, k, what));
    }
    out.push(b);
  }
  return sortBy(out, (b) => b.name);
}

/**
 * Users; one with an unknown status goes to `unknown` instead. The address comes from `email`, or from the
 * identity (`address`, or `address/MailboxGuid` when the address has several migration records, which is
 * then kept as the record's identity).
 */
export function mapUsers(raw: unknown, unknown: UnknownLiveObject[]): LiveUser[] {
  const what = 'Get-MigrationUser';
  const out: LiveUser[] = [];
  for (const o of objects(raw, what)) {
    const fromIdentity = o.identity === undefined || o.identity === null || o.identity === '' ? undefined : splitUserIdentity(address(o, 'identity', what));
    const fromEmail = o.email === undefined || o.email === null || o.email === '' ? undefined : splitUserIdentity(address(o, 'email', what));
    const email = fromEmail?.address ?? fromIdentity?.address;
    if (email === undefined) throw new LiveShapeError(`${what}: "email" is missing`);
    const identity = fromIdentity?.guid !== undefined ? fromIdentity : fromEmail;
    const batch = text(o, 'batch', what);
    const s = status<UserStatus>(USER_STATUSES, o, what);
    if ('unknown' in s) {
      unknown.push({ kind: 'user', name: email, batch, status: s.unknown });
      continue;
    }
    const u: LiveUser = {
      email,
      batch,
      status: s.known,
      syncedItemCount: count(o, 'syncedItemCount', what),
      skippedItemCount: count(o, 'skippedItemCount', what),
    };
    assign(u, 'lastSuccessfulSyncTime', optText(o, 'lastSuccessfulSyncTime', what));
    assign(u, 'errorSummary', optText(o, 'errorSummary', what));
    if (identity?.guid !== undefined) u.identity = `${identity.address}/${identity.guid}`;
    out.push(u);
  }
  return sortBy(out, (u) => u.email);
}

/** The three reads → LiveState, with the batches and users whose status is unknown. */
export function mapLive(endpoints: unknown, batches: unknown, users: unknown): LiveState {
  const unknown: UnknownLiveObject[] = [];
  const live: LiveState = { endpoints: mapEndpoints(endpoints), batches: mapBatches(batches, unknown), users: mapUsers(users, unknown) };
  if (unknown.length > 0) live.unknown = unknown.sort((a, b) => compareText(`${a.kind}:${a.name}`.toLowerCase(), `${b.kind}:${b.name}`.toLowerCase()));
  return live;
}
