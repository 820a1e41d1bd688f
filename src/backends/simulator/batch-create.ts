// New-MigrationBatch for staged (CSV) batches (facts §3.6, §7.2, §7.3, §8.5).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { WireValue } from '../../model/index.js';
import { parseServiceCsv } from './csv-service.js';
import { beginStart } from './batch-lifecycle.js';
import { findBatch, nextGuid, requireEndpoint } from './lookup.js';
import { Params, refuse } from './params.js';
import { isoSeconds, type SimBatch, type SimState, type SimValidationWarning } from './state.js';
import { T } from './texts.js';
import { addRows } from './users.js';

export const MAX_BATCH_NAME = 64;
export const MAX_BATCHES = 100;

const PARAMS = [
  'Name', 'SourceEndpoint', 'CSVData', 'AutoStart', 'AutoComplete', 'NotificationEmails', 'AllowUnknownColumnsInCsv',
  'BadItemLimit', 'LargeItemLimit', 'TimeZone', 'SkipReports', 'ReportInterval', 'StartAfter',
];

export const renderWarnings = (list: SimValidationWarning[]): string[] =>
  list.map((w) => T.warningToString(w.row, w.email, w.message));

export function newMigrationBatch(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, PARAMS);
  p.required('Name');
  const name = p.string('Name')!.trim();
  if (name.length > MAX_BATCH_NAME) refuse(T.tooLong(MAX_BATCH_NAME, name.length));
  if (findBatch(state, name)) refuse(T.batchExists(name));
  if (state.batches.length >= MAX_BATCHES) refuse(T.maxBatches);
  if (state.batches.some((b) => b.type === 'cutover')) refuse(T.stagedCutoverCoexist);
  const endpointId = p.string('SourceEndpoint') ?? refuse(T.sourceEndpointRequired);
  const endpoint = requireEndpoint(state, endpointId);
  const bytes = p.bytes('CSVData') ?? refuse(T.csvRequired);
  const allowUnknown = p.bool('AllowUnknownColumnsInCsv') ?? false;
  p.unlimited('BadItemLimit');
  p.unlimited('LargeItemLimit');
  const startAfter = p.date('StartAfter');
  const autoStart = p.switch('AutoStart');
  if (startAfter !== undefined && autoStart) refuse(T.startAfterWithAutoStart);
  const rows = parseServiceCsv(bytes, { allowUnknownColumns: allowUnknown });
  const batch: SimBatch = {
    name,
    guid: nextGuid(state, 'batch'),
    endpoint: endpoint.name,
    status: 'Created',
    notificationEmails: p.strings('NotificationEmails') ?? [],
    allowUnknownColumnsInCsv: allowUnknown,
    creationDateTime: state.now,
    lastActivityAt: state.now,
    validationWarnings: [],
  };
  if (startAfter !== undefined) batch.startAfter = isoSeconds(startAfter);
  state.batches.push(batch);
  batch.validationWarnings = addRows(state, batch, rows, false);
  const warnings = renderWarnings(batch.validationWarnings);
  // StartAfter implies AutoStart (facts §3.6, §10 C7).
  if (autoStart || startAfter !== undefined) {
    if (batch.validationWarnings.length > 0) warnings.push(T.autoStartWarnings(name));
    else beginStart(state, batch);
  }
  return warnings;
}
