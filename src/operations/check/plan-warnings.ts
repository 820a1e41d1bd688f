// The checks that need no extra service call (coexistence and limits) as warnings for `plan` and
// `apply`, each pointing to `stagemig check`.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { warning, type Diagnostic } from '../../diag/index.js';
import type { DesiredState, LiveState } from '../../model/index.js';
import { tenantFindings } from './tenant-limits.js';

export function preflightWarnings(desired: DesiredState, live: LiveState): Diagnostic[] {
  return tenantFindings(desired, live)
    .filter((f) => f.status === 'failed')
    .map((f) => warning('CHECK_FAILED', `Preflight: ${f.summary}`, {
      ...(f.detail ? { detail: f.detail } : {}),
      hint: `${f.hint ? `${f.hint} ` : ''}Run \`stagemig check\` for every preflight check.`,
      ...(f.object !== 'tenant' ? { address: f.object } : {}),
    }));
}
