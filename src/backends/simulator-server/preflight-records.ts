// The reads of `stagemig check` over HTTP: Test-MigrationServerAvailability's outcome, Get-Recipient's
// and Get-AcceptedDomain's objects as plain JSON (the StagemigSimulator module shapes them like EXO's).
//
// Must not: print, or answer anything but 127.0.0.1 and its secret URL.
import type { WireValue } from '../../model/index.js';
import { CmdletError } from '../simulator/params.js';
import { loadState, readAcceptedDomains, readRecipients, testMigrationServer, type OnPremises } from '../simulator/index.js';
import type { InvokeResponse } from './invoke.js';

/** The response for a preflight cmdlet, or undefined when `cmdlet` (lower case) is not one. */
export async function preflightRecords(
  cmdlet: string,
  parameters: Record<string, WireValue>,
  opts: { stateFile: string; onPremises?: OnPremises },
): Promise<InvokeResponse | undefined> {
  if (cmdlet === 'get-recipient') return { ok: true, warnings: [], result: readRecipients(await loadState(opts.stateFile), opts.onPremises) };
  if (cmdlet === 'get-accepteddomain') return { ok: true, warnings: [], result: readAcceptedDomains(await loadState(opts.stateFile), opts.onPremises) };
  if (cmdlet !== 'test-migrationserveravailability') return undefined;
  try {
    return { ok: true, warnings: [], result: testMigrationServer(await loadState(opts.stateFile), parameters) };
  } catch (err) {
    if (err instanceof CmdletError) return { ok: false, error: err.message };
    throw err;
  }
}
