// Status names as the migration service prints them (facts file §5).

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

/** Statuses in which the service lets users be removed or batches be removed (facts §6.3). */
export const IDLE_BATCH: ReadonlySet<BatchStatus> = new Set([
  'Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors', 'Completed', 'CompletedWithErrors', 'Corrupted',
]);

/**
 * Statuses in which `Set-MigrationBatch -AddUsers -CSVData` is accepted. Created is included on the
 * facts file's recommendation (§10 C10, UNVERIFIED) because only -AddUsers is ever used.
 */
export const APPENDABLE_BATCH: ReadonlySet<BatchStatus> = new Set([
  'Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors',
]);

export const USER_STATUS_SUMMARY: Record<UserStatus, 'Active' | 'Failed' | 'Synced' | 'Completed' | 'Stopped' | null> = {
  Queued: 'Active', Syncing: 'Active', Failed: 'Failed', Synced: 'Synced', IncrementalFailed: 'Failed',
  Completing: 'Active', Completed: 'Completed', CompletionFailed: 'Failed', Corrupted: 'Failed',
  Provisioning: 'Active', ProvisionUpdating: 'Active', CompletionSynced: 'Synced', Validating: 'Active',
  IncrementalSyncing: 'Synced', IncrementalSynced: null, CompletedWithWarnings: 'Failed', Stopped: 'Stopped',
  IncrementalStopped: 'Stopped', Starting: 'Active', Stopping: 'Active', Removing: 'Active',
};
