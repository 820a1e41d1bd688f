// Adding CSV rows to a batch (one batch per mailbox, facts §7.3) and Remove-MigrationUser (§3.15).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { BatchStatus, WireValue } from '../../model/index.js';
import type { ServiceCsvRow } from './csv-service.js';
import { cloudDirectory } from './directory.js';
import { addUser, userIndex } from './user-index.js';
import { findUser, requireBatch, sameName } from './lookup.js';
import { Params, refuse } from './params.js';
import { isoSeconds, ms, type SimBatch, type SimState, type SimUser, type SimValidationWarning } from './state.js';
import { T } from './texts.js';
import { USER_REMOVING_MS } from './timing.js';

/**
 * Adds the rows as pending users. Row problems and users already in another batch become validation
 * warnings (the user is not added); with `onlyNew`, rows already in this batch are skipped silently.
 */
export function addRows(state: SimState, batch: SimBatch, rows: ServiceCsvRow[], onlyNew: boolean): SimValidationWarning[] {
  const index = userIndex(state);
  const owner = index.byLower;
  const directory = cloudDirectory(state, index); // nobody is provisioned while rows are added
  const warnings: SimValidationWarning[] = [];
  for (const row of rows) {
    const warn = (message: string): void => void warnings.push({ row: row.row, email: row.email, message });
    if (row.problem !== undefined) {
      warn(row.problem);
      continue;
    }
    const existing = owner.get(row.email.toLowerCase());
    if (existing && onlyNew && sameName(existing.batch, batch.name)) continue;
    if (existing) {
      warn(T.userInOtherBatch(row.email, existing.batch));
      continue;
    }
    // A mailbox already in the cloud is never migrated again (facts §7.3, UserAlreadyMigrated).
    if (directory.kind(row.email) === 'mailbox') {
      warn(T.alreadyMigrated(row.email));
      continue;
    }
    const user: SimUser = {
      email: row.email,
      batch: batch.name,
      status: 'Queued',
      pending: true,
      provisioned: false,
      hasPassword: row.hasPassword,
      queueSeq: 0,
      syncedItemCount: 0,
      skippedItemCount: 0,
    };
    if (row.forceChangePassword !== undefined) user.forceChangePassword = row.forceChangePassword;
    addUser(state, user); // `owner` is the index: it has the new user
  }
  return warnings;
}

/** Batch statuses in which Remove-MigrationUser is accepted (facts §3.15, §6.3). */
const USER_REMOVABLE: ReadonlySet<BatchStatus> = new Set([
  'Created', 'Stopped', 'Failed', 'Synced', 'SyncedWithErrors', 'Completed', 'Corrupted', 'Removing',
]);

export function removeMigrationUser(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, ['Identity']);
  p.required('Identity');
  const identity = p.string('Identity')!;
  const user = findUser(state, identity) ?? refuse(T.userNotFound(identity));
  const batch = requireBatch(state, user.batch);
  if (!USER_REMOVABLE.has(batch.status)) refuse(T.removeUser(user.email, batch.name));
  if (user.status === 'Removing') return [];
  user.status = 'Removing';
  user.pending = false;
  user.phaseEndsAt = isoSeconds(ms(state.now) + USER_REMOVING_MS);
  delete user.phaseStartedAt;
  batch.lastActivityAt = state.now;
  return [];
}
