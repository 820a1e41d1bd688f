// Diagnostics are values: collected in lists, returned next to results, thrown only to abort.
//
// Must not: print (render/common/diagnostics.ts renders diagnostics).

export type Severity = 'error' | 'warning';

export interface SourcePos {
  /** 1-based line */
  line: number;
  /** 1-based column */
  col: number;
}

export interface SourceRange {
  /** Path as shown to the user (relative to the working directory when possible). */
  file: string;
  start: SourcePos;
  end?: SourcePos;
}

export type DiagnosticCode =
  | 'YAML_SYNTAX'
  | 'SCHEMA_VIOLATION'
  | 'UNKNOWN_KEY'
  | 'LITERAL_PASSWORD'
  | 'UNKNOWN_ENDPOINT'
  | 'BATCH_NAME_TOO_LONG'
  | 'TOO_MANY_BATCHES'
  | 'FILE_NOT_FOUND'
  | 'CSV_SYNTAX'
  | 'CSV_SEMICOLON'
  | 'CSV_MISSING_HEADER'
  | 'CSV_UNKNOWN_COLUMN'
  | 'CSV_INVALID_ADDRESS'
  | 'CSV_INVALID_FORCE_CHANGE'
  | 'CSV_TOO_MANY_ROWS'
  | 'CSV_EMPTY'
  | 'CSV_DUPLICATE'
  | 'CSV_SSO_FORCE_CHANGE'
  | 'MISSING_SECRET'
  | 'SERVICE_FORBIDS'
  | 'BACKEND_FAILED'
  // a batch or migration user with a status value stagemig does not know (left alone)
  | 'UNKNOWN_STATUS'
  | 'STEP_FAILED'
  | 'PLAN_CHANGED'
  // a preflight check that plan runs too (coexistence, limits): see stagemig check
  | 'CHECK_FAILED'
  // conversion to mail users (stagemig convert)
  | 'CONVERT_NOT_SYNCED'
  | 'CONVERT_NO_CLOUD_MAILBOX'
  // saved plans (stagemig plan --out / apply FILE / show FILE)
  | 'PLAN_FORMAT'
  | 'PLAN_BACKEND_MISMATCH'
  | 'PLAN_STALE'
  | 'USAGE'
  | 'SIMULATOR_STATE'
  // config layer
  | 'FILE_ENCODING'
  | 'DUPLICATE_NAME'
  | 'DUPLICATE_CSV_FILE'
  | 'ENDPOINT_IN_USE'
  | 'INVALID_CONCURRENCY'
  | 'AUTODISCOVER_SETTING'
  | 'CSV_ENCODING'
  | 'CSV_DUPLICATE_COLUMN'
  | 'CSV_COLUMN_COUNT'
  // plan protection and import
  | 'PROTECTED_RESOURCE'
  // seed steps 6-7: removal gates and licences
  | 'REMOVAL_GATE_SKIPPED'
  | 'UNKNOWN_LICENSE_SKU'
  | 'LICENSE_GRACE'
  | 'FILE_EXISTS'
  | 'APPLIED_SNAPSHOT'
  // files, locks and untrusted input (issue 12)
  | 'FILE_WRITE'
  | 'RECORD_UNWRITABLE'
  | 'FILE_INVALID'
  | 'LOCKED'
  | 'PLAN_TAMPERED'
  | 'INPUT_TOO_LARGE'
  | 'NOT_A_FILE'
  | 'PATH_OUTSIDE'
  | 'CONTROL_CHARACTER';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  summary: string;
  detail?: string;
  hint?: string;
  range?: SourceRange;
  /** Resource address this problem concerns (endpoint.x, batch.y, user.z). */
  address?: string;
  /** The source line at range.start, secrets already masked, for a caret excerpt. */
  excerpt?: string;
}

export function error(
  code: DiagnosticCode,
  summary: string,
  extra: Omit<Diagnostic, 'severity' | 'code' | 'summary'> = {},
): Diagnostic {
  return { severity: 'error', code, summary, ...extra };
}

export function warning(
  code: DiagnosticCode,
  summary: string,
  extra: Omit<Diagnostic, 'severity' | 'code' | 'summary'> = {},
): Diagnostic {
  return { severity: 'warning', code, summary, ...extra };
}
