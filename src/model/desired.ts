// The desired state: the plan YAML and its CSVs resolved and checked (what config/ hands to the planner).
//
// Must not: do I/O or hold raw YAML shapes (config/raw-plan.ts does); types, small constants and accessors only.
import type { SourceRange } from '../diag/index.js';
import type { DesiredBatchState, EndpointAuthentication } from './status.js';
import type { Sensitive } from './sensitive.js';
import { emailKey } from './email-key.js';

export interface SimulatorBackendConfig {
  type: 'simulator';
  /** Absolute path of the simulator's JSON state file. */
  stateFile: string;
}

export interface ExchangeOnlineBackendConfig {
  type: 'exchange-online';
  appId: string;
  certificateFile?: string;
  certificatePasswordEnv?: string;
  certificateThumbprint?: string;
  /** PowerShell module to import instead of ExchangeOnlineManagement (e.g. the bundled stand-in). */
  module?: string;
}

export type BackendConfig = SimulatorBackendConfig | ExchangeOnlineBackendConfig;

export interface DesiredEndpoint {
  name: string;
  state: 'present' | 'removed';
  type: 'ExchangeOutlookAnywhere';
  autodiscover: boolean;
  exchangeServer?: string;
  rpcProxyServer?: string;
  emailAddress?: string;
  username: string;
  /** Name of the environment variable holding the on-premises password. */
  passwordEnv: string;
  /** Manual form only, and only when the YAML sets it (the service defaults to Basic); Autodiscover discovers it. */
  authentication?: EndpointAuthentication;
  maxConcurrentMigrations?: number;
  maxConcurrentIncrementalSyncs?: number;
  /** Optional settings of the documented parameter sets (manual form only: nspiServer, mailboxPermission). */
  nspiServer?: string;
  mailboxPermission?: 'Admin' | 'FullAccess';
  skipVerification?: boolean;
  acceptUntrustedCertificates?: boolean;
  sourceMailboxLegacyDN?: string;
  testMailbox?: string;
  /** YAML `protect` (default true): removing the endpoint needs --allow-remove. */
  protect: boolean;
  source: SourceRange;
}

export interface DesiredUser {
  /** Address as written in the CSV. */
  email: string;
  /** Its emailKey (model/email-key.ts), computed once by the CSV reader; computed from `email` where absent. */
  key?: string;
  /** The CSV Password column, if the row has one. */
  password?: Sensitive;
  forceChangePassword?: boolean;
  /** 1-based line of the row in its CSV file. */
  line: number;
}

/**
 * A batch's CSV rows as columns, one entry per row in file order: what a plan reads of 2,000 rows per
 * batch (addresses, keys, the count) without an object per mailbox. `DesiredBatch.users` makes the
 * objects from it on first use (apply's CSV data, a row's password).
 */
export interface UserColumns {
  /**
   * Addresses as written in the CSV. A plan's files give a lazy list (model/lazy-list.ts): its length
   * costs nothing, its first element read makes them all (the file's text is read again).
   */
  emails: readonly string[];
  /** Their emailKeys (the same list as `emails` when every address is its own key). */
  keys: readonly string[];
  /** 1-based line of each row in its CSV file. */
  lines: Int32Array;
  /** FNV-1a hash of each key (model/email-key.ts keyHash), for the duplicate check. */
  hashes: Int32Array;
  /** Password and ForceChangePassword per row, present only when the file has those columns. */
  passwords?: ReadonlyArray<Sensitive | undefined>;
  forceChangePassword?: ReadonlyArray<boolean | undefined>;
}

/** The DesiredUser objects of columns, in row order. */
export function usersFromColumns(c: UserColumns): DesiredUser[] {
  const users = new Array<DesiredUser>(c.emails.length);
  for (let i = 0; i < users.length; i++) {
    const user: DesiredUser = { email: c.emails[i]!, key: c.keys[i]!, line: c.lines[i]! };
    const password = c.passwords?.[i];
    if (password !== undefined) user.password = password;
    const force = c.forceChangePassword?.[i];
    if (force !== undefined) user.forceChangePassword = force;
    users[i] = user;
  }
  return users;
}

export interface DesiredBatch {
  name: string;
  endpoint: string;
  state: DesiredBatchState;
  notificationEmails: string[];
  /** CSV path as written in the YAML (relative to the YAML file). */
  csv: string;
  /** Absolute CSV path. */
  csvPath: string;
  users: DesiredUser[];
  /** The same rows as columns, where the CSV reader gave them (see batchEmails, batchKeys, batchSize). */
  columns?: UserColumns;
  /** YAML `protect` (default true): removing the batch before every mailbox is Synced needs --allow-remove. */
  protect: boolean;
  /** YAML `startAfter` as written (ISO-8601 with an offset): the service starts the batch then. */
  startAfter?: string;
  /** YAML `retryFailed: true`: the plan retries failed mailboxes once nothing else is pending. */
  retryFailed?: boolean;
  /** YAML `convertedAt` as written (RFC 3339): when the on-premises mailboxes became mail-enabled users. */
  convertedAt?: string;
  /** YAML `license`: assigned to each mailbox once it is Synced. */
  license?: DesiredLicense;
  source: SourceRange;
}

export interface DesiredLicense {
  skuPartNumber: string;
  /** ISO 3166-1 alpha-2 country code. */
  usageLocation: string;
  /** Where `license` is in the YAML (for an unknown SKU). */
  source: SourceRange;
}

/** YAML `cutover`: the MX switch (seed step 6), which stagemig cannot observe. */
export interface DesiredCutover {
  /** RFC 3339 as written. */
  mxSwitchedAt?: string;
  /** How long batch removals wait after the MX switch (default 72 hours). */
  waitAfterMxSwitchMs: number;
}

export const DEFAULT_WAIT_AFTER_MX_MS = 72 * 3_600_000;

export interface DesiredState {
  /** Absolute path of the plan YAML. */
  planFile: string;
  organization: string;
  sso: boolean;
  backend: BackendConfig;
  /** YAML `cutover` (absent: nothing recorded, the default wait). */
  cutover?: DesiredCutover;
  endpoints: DesiredEndpoint[];
  batches: DesiredBatch[];
  /**
   * sha256 (hex) of the bytes of each input file (the YAML and every CSV) as they were read and parsed,
   * by absolute path; present when the loader was asked for them (saved plans hash their inputs).
   */
  inputDigests?: ReadonlyMap<string, string>;
}

/** A batch's addresses in row order (from its columns when it has them: no object per row). */
export function batchEmails(b: DesiredBatch): readonly string[] {
  return b.columns ? b.columns.emails : b.users.map((u) => u.email);
}

/** A batch's address keys in row order. */
export function batchKeys(b: DesiredBatch): readonly string[] {
  return b.columns ? b.columns.keys : b.users.map((u) => u.key ?? emailKey(u.email));
}

/** How many rows a batch's CSV has. */
export function batchSize(b: DesiredBatch): number {
  return b.columns ? b.columns.emails.length : b.users.length;
}
