// The live state: endpoints, batches and mailboxes as the migration service reports them, the same for every backend.
//
// Must not: hold behaviour or backend-specific shapes; types only.
import type { BatchStatus, UserStatus } from './status.js';

export interface LiveEndpoint {
  name: string;
  type: string;
  autodiscover: boolean;
  exchangeServer?: string;
  rpcProxyServer?: string;
  username?: string;
  authentication?: string;
  maxConcurrentMigrations?: number;
  maxConcurrentIncrementalSyncs?: number;
}

export interface LiveBatch {
  name: string;
  status: BatchStatus;
  endpoint?: string;
  notificationEmails: string[];
  totalCount: number;
  activeCount: number;
  syncedCount: number;
  failedCount: number;
  stoppedCount: number;
  pendingCount: number;
  provisionedCount: number;
  creationDateTime?: string;
  startDateTime?: string;
  initialSyncDateTime?: string;
  lastSyncedDateTime?: string;
  startAfter?: string;
  dataConsistencyScore?: string;
  validationWarnings: string[];
  /**
   * A cutover batch (not created from a CSV). Exchange Online's batch object says so in IsStaged = False
   * (EX13's MigrationBatch property; UNVERIFIED that EXO still returns it: absent means staged, and the
   * service itself then refuses a staged batch with its coexistence error).
   */
  cutover?: true;
}

export interface LiveUser {
  email: string;
  batch: string;
  status: UserStatus;
  syncedItemCount: number;
  skippedItemCount: number;
  lastSuccessfulSyncTime?: string;
  errorSummary?: string;
  /**
   * The record's identity where it is not the address: `address/MailboxGuid` when one address has several
   * migration records (facts §9.1). Remove-MigrationUser names this record by it.
   */
  identity?: string;
}

/**
 * A batch or migration user whose status the service reported in a value stagemig does not know. It is
 * left out of `batches`/`users`, and nothing is planned for it or for what depends on it.
 */
export interface UnknownLiveObject {
  kind: 'batch' | 'user';
  /** The batch's name, or the user's address. */
  name: string;
  /** A user's batch. */
  batch?: string;
  /** The status as the service reported it. */
  status: string;
}

export interface LiveState {
  endpoints: LiveEndpoint[];
  batches: LiveBatch[];
  users: LiveUser[];
  /**
   * Addresses the tenant holds as mailboxes (migrated before), where the backend can read its directory;
   * absent when it cannot (the planner then knows only what the users' statuses say).
   */
  mailboxes?: string[];
  /** Batches and users with a status stagemig does not know (absent or empty: none). */
  unknown?: UnknownLiveObject[];
}
