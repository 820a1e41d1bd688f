// Status names as the migration service prints them (facts file §5).
//
// Must not: do I/O or import from src/ folders other than diag/.

export const BATCH_STATUSES = [
  'Created', 'Syncing', 'Stopping', 'Stopped', 'Completed', 'Failed', 'Removing', 'Synced',
  'IncrementalSyncing', 'Completing', 'CompletedWithErrors', 'SyncedWithErrors', 'Corrupted',
  'Waiting', 'Starting',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const USER_STATUSES = [
  'Queued', 'Syncing', 'Failed', 'Synced', 'IncrementalFailed', 'Completing', 'Completed',
  'CompletionFailed', 'Corrupted', 'Provisioning', 'ProvisionUpdating', 'CompletionSynced',
  'Validating', 'IncrementalSyncing', 'IncrementalSynced', 'CompletedWithWarnings', 'Stopped',
  'IncrementalStopped', 'Starting', 'Stopping', 'Removing',
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export type DesiredBatchState = 'started' | 'stopped' | 'removed';
export type EndpointAuthentication = 'Basic' | 'Ntlm';

/** Batch statuses in which the batch is running (facts §6.3 rows Starting/Syncing/Waiting). */
export const RUNNING_BATCH: ReadonlySet<BatchStatus> = new Set(['Starting', 'Syncing', 'Waiting']);

/** Transient statuses a staged batch rarely shows (facts §5.1); stagemig plans nothing until they pass. */
export const BUSY_BATCH: ReadonlySet<BatchStatus> = new Set(['IncrementalSyncing', 'Completing']);

/** Statuses in which the service lets users be removed or batches be removed (facts §6.3). */
export const IDLE_BATCH: ReadonlySet<BatchStatus> = new Set([
  'Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors', 'Completed', 'CompletedWithErrors', 'Corrupted',
]);

/**
 * Statuses in which `Set-MigrationBatch -AddUsers -CSVData` is accepted (facts §6.3: Failed, Synced,
 * Stopped). Not Created: the service code refuses appending while the first CSV is pending, the task text
 * says otherwise (§10 C10, UNVERIFIED), so a never-started batch whose membership changes is replaced.
 */
export const APPENDABLE_BATCH: ReadonlySet<BatchStatus> = new Set(['Stopped', 'Failed', 'Synced', 'SyncedWithErrors']);

/**
 * User statuses that come after provisioning (facts §6.2: Provisioning → Syncing → Synced): the mail user is
 * already a cloud mailbox, so the mailbox is never submitted again. Failed/Stopped users may or may not be
 * provisioned; the backend's directory (LiveState.mailboxes) tells those apart where it can.
 */
export const PROVISIONED_USER: ReadonlySet<UserStatus> = new Set([
  'Syncing', 'Synced', 'ProvisionUpdating', 'IncrementalSyncing', 'IncrementalSynced', 'IncrementalFailed',
  'IncrementalStopped', 'Completing', 'Completed', 'CompletionFailed', 'CompletionSynced', 'CompletedWithWarnings',
]);

export const USER_STATUS_SUMMARY: Record<UserStatus, 'Active' | 'Failed' | 'Synced' | 'Completed' | 'Stopped' | null> = {
  Queued: 'Active', Syncing: 'Active', Failed: 'Failed', Synced: 'Synced', IncrementalFailed: 'Failed',
  Completing: 'Active', Completed: 'Completed', CompletionFailed: 'Failed', Corrupted: 'Failed',
  Provisioning: 'Active', ProvisionUpdating: 'Active', CompletionSynced: 'Synced', Validating: 'Active',
  IncrementalSyncing: 'Synced', IncrementalSynced: null, CompletedWithWarnings: 'Failed', Stopped: 'Stopped',
  IncrementalStopped: 'Stopped', Starting: 'Active', Stopping: 'Active', Removing: 'Active',
};
