// The plan as a value: resource changes, steps, notes, drift and summary (what views and saved plans carry).
//
// Must not: hold behaviour; types only.
import type { BatchStatus, Step, UnknownLiveObject } from '../model/index.js';
import type { RemovalGate } from './removal-gates.js';

/** What happens to a resource as a whole (Terraform's action, with the staged-migration lifecycle apart). */
export type ResourceAction = 'create' | 'update' | 'delete' | 'replace' | 'no-op';

/** Display-only hint about the lifecycle step a batch takes. */
export type Lifecycle = 'start' | 'stop' | 'remove';

export interface AttributeChange {
  name: string;
  before?: unknown;
  after?: unknown;
}

export interface Move {
  email: string;
  /** The other batch: where the mailbox comes from (moves in) or goes to (moves out). */
  batch: string;
}

export interface MembershipChange {
  added: readonly string[];
  removed: string[];
  movedIn: Move[];
  movedOut: Move[];
}

/**
 * Why a resource differs: `config` (the YAML asks for it), `drift` (only because the service was
 * changed outside stagemig; the steps restore the YAML), or `mixed` (both).
 */
export type ChangeOrigin = 'config' | 'drift' | 'mixed';

export interface ResourceChange {
  address: string;
  type: 'endpoint' | 'batch';
  name: string;
  action: ResourceAction;
  lifecycle?: Lifecycle;
  /** Status of the live object, when there is one. */
  liveStatus?: BatchStatus;
  attributes: AttributeChange[];
  membership?: MembershipChange;
  /** Things the service does not allow right now, and what they wait for. */
  notes: string[];
  /** Removal gates that hold this batch's removal (seed step 6); the notes say the same in words. */
  heldBy?: RemovalGate[];
  /** Closed removal gates that --allow-remove skipped. */
  skippedGates?: RemovalGate[];
  /** Set when a last-applied snapshot was available to tell drift apart. */
  origin?: ChangeOrigin;
  /** Batches: how many mailboxes the batch holds once the plan has converged (0 when it is removed). */
  mailboxesAfter?: number;
  /** The live batch's status as the service gave it, when stagemig does not know that value (nothing is planned). */
  unknownStatus?: string;
  /**
   * A change with nothing to run now: what it waits for. `service`: the migration service moves on by itself
   * (a removal finishing, a batch stopping); `admin`: nothing changes by itself, the notes say what to decide
   * (an already-migrated mailbox listed in another CSV, a member of an unmanaged batch); `gates`: removal gates;
   * `unknown-status`: a status stagemig does not know; `finished`: the batch is done and gone; `nothing`: the
   * notes only inform (e.g. mailboxes migrated before whose records are gone). The last two count as converged.
   */
  waitsFor?: WaitsFor;
}

export type WaitsFor = 'service' | 'admin' | 'gates' | 'unknown-status' | 'finished' | 'nothing';

/** Changes whose notes wait for nothing. */
export const waitsForNothing = (c: ResourceChange): boolean => c.waitsFor === 'finished' || c.waitsFor === 'nothing';

/**
 * Changes that waiting never resolves: they wait on the admin (a decision; a removal gate that opens only
 * once the YAML records the conversion, or one held only by failed or stopped mailboxes) or on a status
 * stagemig does not know. Only the migration service and removal gates that open with time move on by
 * themselves (what `apply --wait` waits for).
 */
export function waitsOnAdmin(c: ResourceChange): boolean {
  if (c.waitsFor === 'admin' || c.waitsFor === 'unknown-status') return true;
  return c.waitsFor === 'gates' && (c.heldBy ?? []).some((g) => (g.kind === 'converted' && g.opensAt === undefined) || g.stuck === true);
}

export interface UnmanagedObject {
  address: string;
  status?: string;
  mailboxes?: number;
  /**
   * stagemig applied it (the last-applied record has it) and its block was then deleted from the
   * YAML: shown as "no longer in the plan" and counted as pending until it is removed
   * (`state: removed`) or forgotten (the next `stagemig apply` drops it from the record).
   */
  noLongerInPlan?: boolean;
}

export interface PlanSummary {
  add: number;
  change: number;
  remove: number;
}

/** A difference made outside stagemig (in the admin center or by hand), reported apart from YAML changes. */
export interface DriftItem {
  address: string;
  kind: 'status' | 'membership' | 'setting' | 'missing';
  summary: string;
  /** What stagemig last applied (or expects). */
  expected?: unknown;
  /** What the service shows now. */
  actual?: unknown;
}

export interface Plan {
  /** One entry per endpoint or batch that differs from the YAML, sorted by address. */
  changes: ResourceChange[];
  /** The cmdlets to run, in order. */
  steps: Step[];
  unmanaged: UnmanagedObject[];
  /** Out-of-band changes, sorted by address (empty when none are known). */
  drift: DriftItem[];
  /**
   * What drift was measured against: `last-applied` (the snapshot apply keeps), or `none` (no
   * snapshot: drift cannot be told apart from YAML changes, and every difference is a YAML change).
   */
  driftBaseline?: 'last-applied' | 'none';
  /** Addresses the plan was limited to with --target (absent: the whole YAML). */
  targets?: string[];
  /** `refresh-only`: only drift and unmanaged objects, no steps proposed (plan --refresh-only). */
  mode?: 'normal' | 'refresh-only';
  /**
   * Refresh-only without a last-applied record: the resources where the service differs from the
   * YAML. Drift cannot be told apart from YAML changes there, so they count as pending.
   */
  undetermined?: string[];
  /** Batches and migration users whose status stagemig does not know: left alone (absent: none). */
  unknown?: UnknownLiveObject[];
  summary: PlanSummary;
}

/** Objects stagemig applied whose YAML block was deleted (see UnmanagedObject.noLongerInPlan). */
export function noLongerInPlan(plan: Plan): UnmanagedObject[] {
  return plan.unmanaged.filter((u) => u.noLongerInPlan === true);
}

/**
 * What `plan --detailed-exitcode` reports as pending (exit 2): a step or a wait, an object no longer
 * in the plan, and in refresh-only mode drift, or any difference at all when there is no record.
 */
export function hasPendingChanges(plan: Plan): boolean {
  if (noLongerInPlan(plan).length > 0) return true;
  if (plan.mode === 'refresh-only') return plan.drift.length > 0 || (plan.undetermined ?? []).length > 0;
  return !isConverged(plan);
}

/** True when nothing differs: no step to run and nothing waiting (a finished batch waits for nothing). */
export function isConverged(plan: Plan): boolean {
  return plan.steps.length === 0 && plan.changes.every((c) => c.action === 'no-op' && (c.notes.length === 0 || waitsForNothing(c)));
}
