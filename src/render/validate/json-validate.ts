// The `validate` JSON document (stagemig validate --format json), format 1.x.
// Schema: schemas/validate-output.schema.json. Conventions: json-document.ts.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { Diagnostic } from '../../diag/index.js';
import { batchSize, type DesiredState } from '../../model/index.js';
import { jsonHeader, toJsonDiagnostic } from '../common/json-document.js';
import type { JsonDiagnostic, JsonHeader } from '../common/json-document.js';

export interface ValidateDocument extends JsonHeader {
  kind: 'validate';
  plan_file: string;
  valid: boolean;
  error_count: number;
  warning_count: number;
  /** What the plan declares; null when it has errors. */
  totals: { endpoints: number; batches: number; mailboxes: number } | null;
  diagnostics: JsonDiagnostic[];
}

export function toValidateDocument(opts: {
  toolVersion: string;
  planFile: string;
  desired: DesiredState | undefined;
  diagnostics: readonly Diagnostic[];
}): ValidateDocument {
  const errors = opts.diagnostics.filter((d) => d.severity === 'error').length;
  const d = errors === 0 ? opts.desired : undefined;
  return {
    ...jsonHeader('validate', opts.toolVersion),
    kind: 'validate',
    plan_file: opts.planFile,
    valid: d !== undefined,
    error_count: errors,
    warning_count: opts.diagnostics.length - errors,
    totals: d
      ? { endpoints: d.endpoints.length, batches: d.batches.length, mailboxes: d.batches.reduce((n, b) => n + batchSize(b), 0) }
      : null,
    diagnostics: opts.diagnostics.map(toJsonDiagnostic),
  };
}
