// The saved plan file (`stagemig plan --out FILE`), format 1.x: everything `apply FILE` needs to
// run exactly the reviewed steps, and to refuse when the inputs or the service have changed since.
// It holds no secret: steps name the environment variable of a password and the rows of a CSV file.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import type { Plan } from '../../plan/index.js';

/** 1.1 added `options`; apply re-derives the steps with them and refuses a file whose steps differ. */
export const SAVED_PLAN_FORMAT_VERSION = '1.1';
export const SAVED_PLAN_KIND = 'stagemig-saved-plan';

export interface InputDigest {
  /** Relative to the working directory the plan was made in. */
  path: string;
  sha256: string;
}

/** What the plan read of one live endpoint: the settings the planner compares. */
export interface EndpointFingerprint {
  type: 'endpoint';
  settings: Record<string, string | number | boolean | null>;
}

/** What the plan read of one live batch, leaving out counters and times that move while it syncs. */
export interface BatchFingerprint {
  type: 'batch';
  status: string;
  endpoint: string | null;
  notification_emails: string[];
  pending: number;
  mailboxes: number;
  /** sha256 of the batch's member addresses, lower-cased and sorted, one per line. */
  members_sha256: string;
}

export type LiveFingerprint = EndpointFingerprint | BatchFingerprint;

export interface BackendIdentity {
  type: string;
  organization: string;
}

/** The planning options the steps were derived with. */
export interface SavedPlanOptions {
  /** Canonical --target addresses. */
  targets: string[];
  allow_remove: boolean;
  /** Present (true) when the plan was made with --allow-csv-outside. */
  allow_csv_outside?: boolean;
}

export interface SavedPlanFile {
  format_version: string;
  kind: typeof SAVED_PLAN_KIND;
  tool_version: string;
  created_at: string;
  /** The migration plan YAML, relative to the working directory. */
  plan_file: string;
  backend: BackendIdentity;
  options: SavedPlanOptions;
  /** The YAML and every CSV file it names. */
  inputs: InputDigest[];
  /** Every live endpoint and batch the plan read, by address. */
  live: Record<string, LiveFingerprint>;
  /** The plan itself: changes, ordered steps, unmanaged objects, drift, summary. */
  plan: Plan;
}

/** The facts the views print about a saved plan file. */
/** What apply and show tell about a saved plan file before its steps. */
export interface SavedPlanFacts {
  file: string;
  createdAt: string;
  toolVersion: string;
  planFile: string;
  organization: string;
  backend: string;
}

export const savedPlanFacts = (file: string, saved: SavedPlanFile): SavedPlanFacts => ({
  file, createdAt: saved.created_at, toolVersion: saved.tool_version, planFile: saved.plan_file,
  organization: saved.backend.organization, backend: saved.backend.type,
});
