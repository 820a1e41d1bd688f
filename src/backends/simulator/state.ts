// The simulated migration service's state: what the JSON state file holds. Plain data only.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { BatchStatus, EndpointAuthentication, UserStatus } from '../../model/index.js';
import type { SimLicense } from './licensing.js';

export const STATE_FORMAT = 'stagemig-simulator';
export const STATE_VERSION = 1;

export interface SimEndpoint {
  name: string;
  guid: string;
  type: 'ExchangeOutlookAnywhere';
  autodiscover: boolean;
  exchangeServer?: string;
  rpcProxyServer?: string;
  nspiServer?: string;
  emailAddress?: string;
  sourceMailboxLegacyDN?: string;
  mailboxPermission?: 'Admin' | 'FullAccess';
  username: string;
  /** Only that a password was given; the password itself is never stored. */
  passwordSet: boolean;
  authentication: EndpointAuthentication;
  acceptUntrustedCertificates: boolean;
  maxConcurrentMigrations: number;
  maxConcurrentIncrementalSyncs: number;
}

/** Stored batch phases; SyncedWithErrors is derived (Synced with failed users, facts §6.1 rule 5). */
export type SimBatchStatus = Extract<
  BatchStatus,
  'Created' | 'Starting' | 'Waiting' | 'Syncing' | 'Stopping' | 'Stopped' | 'Synced' | 'Failed' | 'Removing' | 'Corrupted'
>;

/** Staged (CSV) batches; a cutover batch can only come from a scenario (staged tenants run dir sync). */
export type SimBatchType = 'staged' | 'cutover';

export interface SimValidationWarning {
  row: number;
  email: string;
  message: string;
}

export interface SimBatch {
  name: string;
  guid: string;
  endpoint: string;
  status: SimBatchStatus;
  /** Absent means staged. Staged and cutover batches cannot coexist (facts §7.3). */
  type?: SimBatchType;
  notificationEmails: string[];
  allowUnknownColumnsInCsv: boolean;
  creationDateTime: string;
  startDateTime?: string;
  /** -StartAfter: the batch shows Waiting until then, with no StartDateTime (facts §4.1, §6.1 rule 2). */
  startAfter?: string;
  /** When a declared Corrupted fault fires (set when the batch starts syncing). */
  corruptAt?: string;
  initialSyncDateTime?: string;
  lastSyncedDateTime?: string;
  /** End of the current transient status (Starting, Stopping, Removing). */
  transitionAt?: string;
  /** Last admin action on the batch (retention clock, facts §6.5). */
  lastActivityAt: string;
  validationWarnings: SimValidationWarning[];
}

/** Users use Queued, Provisioning, Syncing, Synced, Failed, Stopping, Stopped, Removing. */
export interface SimUser {
  email: string;
  batch: string;
  status: UserStatus;
  /** Added since the batch last started (or the batch never started): counted in PendingCount. */
  pending: boolean;
  provisioned: boolean;
  hasPassword: boolean;
  forceChangePassword?: boolean;
  /** FIFO position among queued users. */
  queueSeq: number;
  /** End of the current timed phase (Provisioning, Syncing, Removing). */
  phaseEndsAt?: string;
  phaseStartedAt?: string;
  syncedItemCount: number;
  skippedItemCount: number;
  lastSuccessfulSyncTime?: string;
  errorSummary?: string;
  /** Attempts that ended Failed through a mailbox fault (a fault with `times` stops firing after that). */
  failures?: number;
}

/** A mailbox that fails: its ErrorSummary, where it fails, and for how many attempts. */
export interface SimMailboxFault {
  errorSummary: string;
  /** provisioning (default): before any item is copied; sync: part-way through the initial sync. */
  at?: 'provisioning' | 'sync';
  /** Attempts that fail; later attempts (Start-MigrationBatch retries) succeed. Default: every attempt. */
  times?: number;
}

export type SimEndpointFailure = 'unreachable' | 'credentials' | 'autodiscover';

/**
 * What holds an address in the cloud directory (directory.ts): a mail user created by directory sync
 * (the default for every address), a mailbox, a mail contact, a group, or nothing.
 */
export type SimRecipientKind = 'mailUser' | 'mailbox' | 'contact' | 'group' | 'missing';

export interface SimFaults {
  /** The Nth write cmdlet since the fault was set fails with `message`. */
  failOnWriteCall?: number;
  message?: string;
  /** These mailboxes fail with the given ErrorSummary (a plain text fails every attempt at provisioning). */
  failMailboxes?: Record<string, string | SimMailboxFault>;
  /** New-/Set-MigrationEndpoint without -SkipVerification cannot reach the source. */
  endpointUnreachable?: boolean;
  /** How endpoint verification fails (wins over endpointUnreachable). */
  endpointFailure?: SimEndpointFailure;
  /** Batch name (lower case) → milliseconds after it starts syncing when it turns Corrupted. */
  corruptBatches?: Record<string, number>;
  /** Addresses whose cloud recipient is not the default mail user (scenario `recipients:`). */
  recipients?: Record<string, SimRecipientKind>;
  /** Real milliseconds every write cmdlet takes (scenario `latency:`): a slow service, to rehearse Ctrl-C and progress. */
  writeLatencyMs?: number;
  /**
   * Status values the reads report instead of the real ones, for batches (by lower-case name) and migration
   * users (by lower-case address): values stagemig does not know (scenario `unknownStatus:`).
   */
  unknownStatus?: { batches?: Record<string, string>; users?: Record<string, string> };
}

/** The directory's stored exceptions besides the scenario's (directory.ts derives everything else). */
export interface SimDirectory {
  /** Mailboxes a migration provisioned whose migration record is gone (the mailbox stays). */
  mailboxes: string[];
}

/** DNS answers for one domain: MX hosts and the target of autodiscover.<domain> (a CNAME, or the host itself). */
export interface SimDnsAnswers {
  mx?: string[];
  autodiscover?: string;
  /** Target host of _autodiscover._tcp.<domain> (port 443); absent: no SRV record. */
  autodiscoverSrv?: string;
}

/**
 * The tenant around the migration service, as `stagemig check` reads it (set by scenario files).
 * Absent keys model a tenant prepared as seed step 1 says: every domain of the plan's addresses is
 * accepted and managed, DNS still points on premises. (Who holds each address: SimFaults.recipients.)
 */
export interface SimTenant {
  /** Accepted domains besides the organization's; when set, exactly these. */
  acceptedDomains?: string[];
  /** Accepted domains whose sign-in is federated (AD FS single sign-on). */
  federatedDomains?: string[];
  /** Domain (lower case) → its DNS answers. */
  dns?: Record<string, SimDnsAnswers>;
}

export interface SimState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** The simulated clock (ISO-8601 UTC); only advance moves it. */
  now: string;
  /** Counter for deterministic GUIDs and queue order. */
  seq: number;
  /** Write cmdlets run since the write fault was set. */
  writeCalls: number;
  faults: SimFaults;
  /** Licences and usage locations set through Microsoft Graph, by lower-cased address (seed step 7). */
  licenses?: Record<string, SimLicense>;
  /** Scenario settings of the tenant around the service (accepted domains, directory, DNS). */
  tenant?: SimTenant;
  endpoints: SimEndpoint[];
  batches: SimBatch[];
  users: SimUser[];
  directory?: SimDirectory;
}

export function emptyState(now: Date): SimState {
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    now: isoSeconds(now),
    seq: 0,
    writeCalls: 0,
    faults: {},
    endpoints: [],
    batches: [],
    users: [],
  };
}

/** ISO-8601 UTC without milliseconds, e.g. 2026-11-25T12:00:00Z. */
export function isoSeconds(d: Date | number): string {
  return new Date(typeof d === 'number' ? d : d.getTime()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const ms = (iso: string): number => Date.parse(iso);
