// The `validate` view: the diagnostics on stderr with a count, and a one-line summary of what the plan
// declares (human); or the validate JSON document on stdout, the diagnostics still on stderr for people
// reading CI logs (json).
//
// Must not: load or check anything (operations/validate.ts does).
import type { Diagnostic } from '../../diag/index.js';
import { batchSize, plural, type DesiredState } from '../../model/index.js';
import type { ValidateResult } from '../../operations/validate.js';
import { TOOL_VERSION } from '../../version.js';
import { stringifyJson } from '../common/json-document.js';
import { diagnosticsText, output, type Output } from '../common/output.js';
import { toValidateDocument } from './json-validate.js';

export function validSummary(desired: DesiredState): string {
  const mailboxes = desired.batches.reduce((n, b) => n + batchSize(b), 0);
  return `Valid: ${plural(desired.endpoints.length, 'endpoint')}, ${plural(desired.batches.length, 'batch', 'batches')}, ${plural(mailboxes, 'mailbox', 'mailboxes')}.`;
}

function countLine(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean);
  return `${parts.join(', ')}.`;
}

export function validateOutput(format: 'human' | 'json', r: ValidateResult, o: { color: boolean; planFile: string }): Output {
  const diags = diagnosticsText(r.diagnostics, o.color);
  if (format === 'json') {
    return output(stringifyJson(toValidateDocument({ toolVersion: TOOL_VERSION, planFile: o.planFile, desired: r.desired, diagnostics: r.diagnostics })), diags);
  }
  return output(r.valid && r.desired ? `${validSummary(r.desired)}\n` : '', diags === '' ? '' : `${diags}\n${countLine(r.diagnostics)}\n`);
}
