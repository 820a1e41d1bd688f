// Set-MigrationBatch: -AddUsers -CSVData (append only new rows) and settings (facts §3.7, §6.3).
import type { WireValue } from '../../model/index.js';
import { renderWarnings } from './batch-create.js';
import { parseServiceCsv } from './csv-service.js';
import { requireBatch } from './lookup.js';
import { Params, refuse } from './params.js';
import type { SimBatch, SimState } from './state.js';
import { T } from './texts.js';
import { addRows } from './users.js';

const PARAMS = [
  'Identity', 'AddUsers', 'CSVData', 'AllowUnknownColumnsInCsv', 'NotificationEmails', 'BadItemLimit',
  'LargeItemLimit', 'SkipReports', 'ReportInterval', 'AutoRetryCount',
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
  let warnings: string[] = [];
  if (bytes !== undefined) {
    checkAppendable(batch, addUsers);
    const rows = parseServiceCsv(bytes, { allowUnknownColumns: allowUnknown });
    const added = addRows(state, batch, rows, true);
    batch.validationWarnings.push(...added);
    warnings = renderWarnings(added);
  }
  batch.allowUnknownColumnsInCsv = allowUnknown;
  if (emails !== undefined) batch.notificationEmails = emails;
  batch.lastActivityAt = state.now;
  return warnings;
}
