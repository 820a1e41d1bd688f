// The `status` JSON document (stagemig status --format json), format 1.x.
// Schema: schemas/status-output.schema.json. Conventions: json-document.ts.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { Estimate } from '../../apply/eta.js';
import { userAddress } from '../../model/index.js';
import type { LiveUser } from '../../model/index.js';
import type { JourneyJson } from './journey-json.js';
import { jsonHeader, type JsonHeader } from '../common/json-document.js';
import type { BatchStatusView, StatusView, UserScope } from './status-view.js';

export interface JsonBatchStatus {
  address: string;
  name: string;
  desired_state: string;
  /** False when the service has no batch of this name (not created yet, or removed). */
  exists: boolean;
  status: string | null;
  endpoint: string | null;
  counts: { total: number; active: number; synced: number; failed: number; stopped: number; pending: number; provisioned: number } | null;
  percent_synced: number | null;
  start_after: string | null;
  start_date_time: string | null;
  elapsed_seconds: number | null;
  initial_sync_date_time: string | null;
  last_synced_date_time: string | null;
  data_consistency_score: string | null;
  validation_warnings: string[];
  estimate: JsonEstimate | null;
  waiting_for: string | null;
}

export interface JsonEstimate {
  rate_per_hour: number | null;
  eta_seconds: number | null;
  finishes_at: string | null;
}

export interface JsonUserStatus {
  address: string;
  email: string;
  batch: string;
  status: string;
  synced_item_count: number;
  skipped_item_count: number;
  last_successful_sync_time: string | null;
  error_summary: string | null;
}

export interface StatusDocument extends JsonHeader {
  kind: 'status';
  plan_file: string;
  backend: { type: string; organization: string };
  /** The service's time when read (the simulated clock on the simulator). */
  observed_at: string;
  totals: {
    batches: number; mailboxes: number; synced: number; failed: number; active: number; pending: number; stopped: number;
    percent_synced: number | null; estimate: JsonEstimate | null;
  };
  batches: JsonBatchStatus[];
  /** Which mailboxes `users` lists: failed (default), all (--users) or batch (--batch NAME). */
  users_scope: UserScope;
  users: JsonUserStatus[];
  unmanaged: Array<{ address: string; status: string; mailboxes: number }>;
  diagnostics: [];
  /** The journey at a glance (what `stagemig status` adds to the live state; status-output.ts fills it). */
  journey?: JourneyJson;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Null when there is nothing to say: nothing left and no rate seen. */
function jsonEstimate(e: Estimate, observedAt: Date): JsonEstimate | null {
  if (e.perHour === undefined && e.etaMs === undefined) return null;
  return {
    rate_per_hour: e.perHour === undefined ? null : Math.round(e.perHour * 10) / 10,
    eta_seconds: e.etaMs === undefined ? null : Math.round(e.etaMs / 1000),
    finishes_at: e.etaMs === undefined ? null : iso(new Date(observedAt.getTime() + Math.round(e.etaMs / 1000) * 1000)),
  };
}

function jsonBatch(b: BatchStatusView, observedAt: Date): JsonBatchStatus {
  const l = b.live;
  return {
    address: b.address,
    name: b.name,
    desired_state: b.desiredState,
    exists: l !== undefined,
    status: l?.status ?? null,
    endpoint: l?.endpoint ?? null,
    counts: l ? {
      total: l.totalCount, active: l.activeCount, synced: l.syncedCount, failed: l.failedCount,
      stopped: l.stoppedCount, pending: l.pendingCount, provisioned: l.provisionedCount,
    } : null,
    percent_synced: b.percentSynced ?? null,
    start_after: l?.startAfter ?? null,
    start_date_time: l?.startDateTime ?? null,
    elapsed_seconds: b.elapsedMs === undefined ? null : Math.floor(b.elapsedMs / 1000),
    initial_sync_date_time: l?.initialSyncDateTime ?? null,
    last_synced_date_time: l?.lastSyncedDateTime ?? null,
    data_consistency_score: l?.dataConsistencyScore ?? null,
    validation_warnings: [...(l?.validationWarnings ?? [])],
    estimate: jsonEstimate(b.estimate, observedAt),
    waiting_for: b.waitingFor ?? null,
  };
}

const jsonUser = (u: LiveUser): JsonUserStatus => ({
  address: userAddress(u.email),
  email: u.email,
  batch: u.batch,
  status: u.status,
  synced_item_count: u.syncedItemCount,
  skipped_item_count: u.skippedItemCount,
  last_successful_sync_time: u.lastSuccessfulSyncTime ?? null,
  error_summary: u.errorSummary ?? null,
});

export function toStatusDocument(view: StatusView, meta: { toolVersion: string; planFile: string; backend: { type: string; organization: string } }): StatusDocument {
  const t = view.totals;
  return {
    ...jsonHeader('status', meta.toolVersion),
    kind: 'status',
    plan_file: meta.planFile,
    backend: meta.backend,
    observed_at: iso(view.observedAt),
    totals: {
      batches: view.batches.length, ...t, percent_synced: t.mailboxes > 0 ? Math.floor((t.synced * 1000) / t.mailboxes) / 10 : null,
      estimate: jsonEstimate(view.totalEstimate, view.observedAt),
    },
    batches: view.batches.map((b) => jsonBatch(b, view.observedAt)),
    users_scope: view.userScope,
    users: view.users.map(jsonUser),
    unmanaged: view.unmanaged.map((u) => ({ ...u })),
    diagnostics: [],
  };
}
