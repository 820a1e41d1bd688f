// Set-MigrationBatch: -AddUsers -CSVData (append only new rows) and settings (facts §3.7, §6.3).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { WireValue } from '../../model/index.js';
import { renderWarnings } from './batch-create.js';
import { parseServiceCsv } from './csv-service.js';
import { requireBatch, usersOf } from './lookup.js';
import { Params, refuse } from './params.js';
import { isoSeconds, type SimBatch, type SimState } from './state.js';
import { T } from './texts.js';
import { addRows } from './users.js';

const PARAMS = [
  'Identity', 'AddUsers', 'CSVData', 'AllowUnknownColumnsInCsv', 'NotificationEmails', 'BadItemLimit',
  'LargeItemLimit', 'SkipReports', 'ReportInterval', 'AutoRetryCount', 'StartAfter',
];

function checkModifiable(batch: SimBatch): void {
  if (batch.status === 'Removing') refuse(T.modifyCompleted);
  if (batch.status === 'Corrupted') refuse(T.corruptModify);
}

function checkAppendable(batch: SimBatch, addUsers: boolean): void {
  if (addUsers) {
    if (['Created', 'Stopped', 'Failed', 'Synced'].includes(batch.status)) return;
    refuse(T.appendSyncing);
  }
  if (batch.status !== 'Created' && batch.status !== 'Synced') refuse(T.revisedCsv);
}

/** The status as Get-MigrationBatch shows it (Synced with failed users is SyncedWithErrors). */
const liveStatusOf = (state: SimState, b: SimBatch): string =>
  b.status === 'Synced' && usersOf(state, b).some((u) => u.status === 'Failed') ? 'SyncedWithErrors' : b.status;

export function setMigrationBatch(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, PARAMS);
  p.required('Identity');
  const batch = requireBatch(state, p.string('Identity')!);
  checkModifiable(batch);
  const addUsers = p.switch('AddUsers');
  const bytes = p.bytes('CSVData');
  if (addUsers && bytes === undefined) refuse(T.csvRequired);
  const allowUnknown = p.bool('AllowUnknownColumnsInCsv') ?? batch.allowUnknownColumnsInCsv;
  const emails = p.strings('NotificationEmails');
  p.unlimited('BadItemLimit');
  p.unlimited('LargeItemLimit');
  const startAfter = p.date('StartAfter');
  // StartAfter only in Created or Failed (facts §3.7); a later Start-MigrationBatch honours it.
  if (startAfter !== undefined && batch.status !== 'Created' && batch.status !== 'Failed') {
    refuse(T.startAfterState(liveStatusOf(state, batch)));
  }
  let warnings: string[] = [];
  if (bytes !== undefined) {
    checkAppendable(batch, addUsers);
    const rows = parseServiceCsv(bytes, { allowUnknownColumns: allowUnknown });
    const added = addRows(state, batch, rows, true);
    batch.validationWarnings.push(...added);
    warnings = renderWarnings(added);
  }
  if (startAfter !== undefined) batch.startAfter = isoSeconds(startAfter);
  batch.allowUnknownColumnsInCsv = allowUnknown;
  if (emails !== undefined) batch.notificationEmails = emails;
  batch.lastActivityAt = state.now;
  return warnings;
}
