// Configuration: the YAML plan and its CSV files → DesiredState, with positioned diagnostics. No network.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
export { loadPlan, type LoadPlanResult } from './load-plan.js';
export { loadCsvFile, checkCsvBytes, type CsvFileResult, type CsvOptions, type CsvReadResult } from './csv/csv-file.js';
export { CSV_COLUMNS } from './csv/csv-header.js';
export { decodeText, type DecodeResult } from './text/text-decode.js';
export { isValidSmtpAddress, isValidDomain } from './text/smtp-address.js';
export { defaultStateFile } from './resolve-desired.js';
export { schemaPath } from './schema/schema-load.js';
export { displayPath } from './text/display-path.js';
export { MAX_BATCHES, MAX_BATCH_NAME_LENGTH, MAX_CSV_ROWS } from './raw-plan.js';
