// What `stagemig import` prints: what it read and wrote, what it could not import or had to guess, and
// what to do next.
//
// Must not: read or write files (operations/import/run-import.ts does).
import type { ImportRunResult } from '../../operations/import/index.js';
import { output, type Output } from '../common/output.js';
import { forTerminal } from '../common/safe-text.js';

export function renderImport(result: ImportRunResult): string {
  const r = forTerminal(result); // addresses and reasons from the service, paths from the command line
  const out = [`Imported ${r.endpoints} endpoint(s) and ${r.batches} batch(es) with ${r.mailboxes} mailbox(es) from ${r.source}:`];
  for (const f of r.files) out.push(`  ${f}`);
  for (const s of r.skipped) out.push(`Note: ${s.address}: ${s.reason}.`);
  for (const p of r.placeholders) out.push(`Check ${p}: the service does not report it, so a placeholder was written.`);
  if (!r.converged) out.push('Warning: `stagemig plan` on the imported file still shows differences; review them before apply.');
  out.push(`Secrets are not imported: set ${r.secretEnv.join(', ')} before apply.`);
  out.push(`Next: stagemig plan ${r.planFile}`);
  return `${out.join('\n')}\n`;
}

export const importOutput = (r: ImportRunResult): Output => output(renderImport(r));
