// The bridge's normalised read results → LiveState. Anything unexpected is an error, never "absent".
import {
  BATCH_STATUSES, compareText, USER_STATUSES, type BatchStatus, type LiveBatch, type LiveEndpoint, type LiveUser,
  type UserStatus,
} from '../../model/index.js';

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

/** Unlimited<int>: a number, or "Unlimited" (Infinity, as the simulator models it). */
function unlimited(o: Raw, key: string, what: string): number | undefined {
  const v = o[key];
  if (v === null || v === undefined) return undefined;
  if (v === 'Unlimited') return Infinity;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new LiveShapeError(`${what}: "${key}" is not a number or Unlimited`);
  return v;
}

export function texts(o: Raw, key: string, what: string): string[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new LiveShapeError(`${what}: "${key}" is not a list of text`);
  return [...(v as string[])];
}

function oneOf<T extends string>(allowed: readonly T[], o: Raw, key: string, what: string): T {
  const v = text(o, key, what);
  if (!(allowed as readonly string[]).includes(v)) throw new LiveShapeError(`${what}: unknown ${key} "${v}"`);
  return v as T;
}

const sortBy = <X>(list: X[], key: (x: X) => string): X[] =>
  list.sort((a, b) => compareText(key(a).toLowerCase(), key(b).toLowerCase()));

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function mapEndpoints(raw: unknown): LiveEndpoint[] {
  return sortBy(objects(raw, 'Get-MigrationEndpoint').map((o) => {
    const what = 'Get-MigrationEndpoint';
    if (typeof o.autodiscover !== 'boolean') throw new LiveShapeError(`${what}: "autodiscover" is not true or false`);
    const e: LiveEndpoint = { name: text(o, 'name', what), type: text(o, 'type', what), autodiscover: o.autodiscover };
    assign(e, 'username', optText(o, 'username', what));
    assign(e, 'authentication', optText(o, 'authentication', what));
    assign(e, 'maxConcurrentMigrations', unlimited(o, 'maxConcurrentMigrations', what));
    assign(e, 'maxConcurrentIncrementalSyncs', unlimited(o, 'maxConcurrentIncrementalSyncs', what));
    assign(e, 'exchangeServer', optText(o, 'exchangeServer', what));
    assign(e, 'rpcProxyServer', optText(o, 'rpcProxyServer', what));
    return e;
  }), (e) => e.name);
}

export function mapBatches(raw: unknown): LiveBatch[] {
  return sortBy(objects(raw, 'Get-MigrationBatch').map((o) => {
    const what = 'Get-MigrationBatch';
    const b: LiveBatch = {
      name: text(o, 'name', what),
      status: oneOf<BatchStatus>(BATCH_STATUSES, o, 'status', what),
      endpoint: optText(o, 'endpoint', what),
      notificationEmails: texts(o, 'notificationEmails', what),
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
    return b;
  }), (b) => b.name);
}

export function mapUsers(raw: unknown): LiveUser[] {
  return sortBy(objects(raw, 'Get-MigrationUser').map((o) => {
    const what = 'Get-MigrationUser';
    const u: LiveUser = {
      email: text(o, 'email', what),
      batch: text(o, 'batch', what),
      status: oneOf<UserStatus>(USER_STATUSES, o, 'status', what),
      syncedItemCount: count(o, 'syncedItemCount', what),
      skippedItemCount: count(o, 'skippedItemCount', what),
    };
    assign(u, 'lastSuccessfulSyncTime', optText(o, 'lastSuccessfulSyncTime', what));
    assign(u, 'errorSummary', optText(o, 'errorSummary', what));
    return u;
  }), (u) => u.email);
}
