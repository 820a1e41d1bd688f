// A cmdlet step as the JSON plan shows it: parameters in display order, secrets as "(sensitive)".
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { isCredentialRef, isCsvRef, SENSITIVE_MASK } from '../../model/index.js';
import type { ParamValue, Step } from '../../model/index.js';
import { formatStep } from './cmdlet-text.js';
import type { JsonStep } from './json-plan-types.js';

/** CSV data is shown by its rows' addresses (their passwords are re-read from the file at apply time). */
function jsonParam(v: ParamValue): unknown {
  if (isCredentialRef(v)) {
    return { credential: { username: v.credential.username, password: SENSITIVE_MASK, password_env: v.credential.passwordEnv } };
  }
  if (isCsvRef(v)) return { csv: { file: v.csv.file, batch: v.csv.batch, rows: v.csv.emails.length, emails: v.csv.emails } }; // shared, not copied
  return Array.isArray(v) ? [...v] : v;
}

export function toJsonStep(step: Step, index: number): JsonStep {
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of step.parameters) parameters[name] = jsonParam(value);
  return { index: index + 1, address: step.address, action: step.action, cmdlet: step.cmdlet, parameters, text: formatStep(step) };
}
