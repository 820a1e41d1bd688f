// The `plan` JSON document (stagemig plan/show --format json), format 1.x.
// Schema: schemas/plan-output.schema.json. Conventions: json-document.ts.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { JsonDiagnostic, JsonHeader } from '../common/json-document.js';

/** Terraform's action lists: a replace is ["delete", "create"]. */
export type JsonAction = 'create' | 'update' | 'delete' | 'no-op';

export interface JsonMembership {
  added: readonly string[];
  removed: string[];
  /** Mailboxes coming from another batch (`from` is that batch's name). */
  moved_in: Array<{ email: string; from: string }>;
  /** Mailboxes leaving for another batch (`to` is that batch's name). */
  moved_out: Array<{ email: string; to: string }>;
}

export interface JsonResourceChange {
  address: string;
  type: 'endpoint' | 'batch';
  name: string;
  actions: JsonAction[];
  /** The staged-migration lifecycle step the batch takes, if any. */
  lifecycle: 'start' | 'stop' | 'remove' | null;
  live_status: string | null;
  /** Changed attributes as they are now (null for a create). */
  before: Record<string, unknown> | null;
  /** Changed attributes as they will be (null for a delete). */
  after: Record<string, unknown> | null;
  membership: JsonMembership | null;
  /** What the service does not allow right now, and what it waits for. */
  notes: string[];
  /**
   * Why it differs: config (the YAML asks for it), drift (only a change made outside stagemig, which
   * the steps undo) or mixed; null when no last-applied baseline was available to tell them apart.
   */
  origin: 'config' | 'drift' | 'mixed' | null;
  /** Batches: mailboxes in the batch once the plan has converged (0 when it is removed); null for endpoints. (1.1) */
  mailboxes_after: number | null;
  /** The live batch's status as the service gave it when stagemig does not know that value (nothing is planned); else null. (1.2) */
  unknown_status: string | null;
  /**
   * Nothing to run now, and why: service (it moves on by itself), admin (nothing changes until you decide;
   * the notes say what), gates (removal gates), unknown-status, finished; null when there is a step or nothing differs. (1.2)
   */
  waits_for: 'service' | 'admin' | 'gates' | 'unknown-status' | 'finished' | 'nothing' | null;
}

/** A batch or migration user whose status stagemig does not know: no step is planned for it. (1.2) */
export interface JsonUnknown {
  kind: 'batch' | 'user';
  /** The batch's name, or the user's address. */
  name: string;
  /** A user's batch; null for a batch. */
  batch: string | null;
  /** The status as the service gave it. */
  status: string;
}

export interface JsonStep {
  /** 1-based position in the run order. */
  index: number;
  address: string;
  action: string;
  cmdlet: string;
  /** Parameters in display order; secrets are "(sensitive)". */
  parameters: Record<string, unknown>;
  /** The cmdlet line as a reviewer reads it. */
  text: string;
}

export interface JsonUnmanaged {
  address: string;
  status: string | null;
  mailboxes: number | null;
  /** stagemig applied it and its YAML block was deleted; pending until removed or forgotten. */
  no_longer_in_plan: boolean;
}

export interface JsonDrift {
  address: string;
  kind: string;
  summary: string;
  expected: unknown;
  actual: unknown;
}

export interface JsonPlanSummary {
  add: number;
  change: number;
  remove: number;
  steps: number;
  mailboxes: { added: number; removed: number; moved: number };
  unmanaged: number;
  drift: number;
  /** Batches and users whose status is unknown. (1.2) */
  unknown: number;
}

export interface PlanDocument extends JsonHeader {
  kind: 'plan';
  created_at: string | null;
  /** The migration plan YAML, relative to the working directory. */
  plan_file: string | null;
  /** The saved plan file this document was read from (stagemig show), else null. */
  saved_plan: string | null;
  backend: { type: string; organization: string } | null;
  mode: 'normal' | 'refresh-only';
  /** The resources the plan was limited to with --target; null for the whole YAML. */
  targets: string[] | null;
  /** What drift was measured against: the last-applied snapshot, none, or null when unknown. */
  drift_baseline: 'last-applied' | 'none' | null;
  /** True when planning failed: the diagnostics say why and the lists are empty. */
  errored: boolean;
  /** True when there is at least one cmdlet to run. */
  applyable: boolean;
  /** True when nothing differs and nothing waits on the service. */
  converged: boolean;
  summary: JsonPlanSummary;
  resource_changes: JsonResourceChange[];
  steps: JsonStep[];
  unmanaged: JsonUnmanaged[];
  /** Refresh-only without a last-applied record: the resources that differ from the YAML; else null. */
  undetermined: string[] | null;
  /** Batches and migration users whose status stagemig does not know, sorted by kind and name. (1.2) */
  unknown: JsonUnknown[];
  drift: JsonDrift[];
  diagnostics: JsonDiagnostic[];
}

/** One word for a change with nothing to run now (tables, markdown): what it waits for. */
export function noOpWord(c: JsonResourceChange): string {
  switch (c.waits_for) {
    case 'admin': return 'needs decision';
    case 'gates': return 'held';
    case 'unknown-status': return 'unknown status';
    case 'finished': return 'finished';
    case 'nothing': return 'no change';
    default: return 'waiting';
  }
}
