// Putting a parsed scenario into the simulator's state: its faults replace the old ones; a cutover batch
// is added as a tenant would have one left from an earlier migration.
// Must not: change the state it is given (it returns a new one), print, or read the host's clock (a cutover batch is
// dated at the simulated now).
import { findBatch, nextGuid } from './lookup.js';
import type { Scenario } from './scenario-parse.js';
import type { SimState } from './state.js';
import { describeTenant } from './scenario-tenant.js';

/** Pure: the state with the scenario applied, or the reason it cannot be. */
export function applyScenario(state: SimState, scenario: Scenario): { state: SimState } | { error: string } {
  const next: SimState = { ...structuredClone(state), faults: structuredClone(scenario.faults), writeCalls: 0 };
  if (scenario.tenant) next.tenant = structuredClone(scenario.tenant);
  else delete next.tenant;
  const cutover = scenario.cutoverBatch;
  if (cutover) {
    if (findBatch(next, cutover.name)) return { error: `cutoverBatch: a batch named ${cutover.name} already exists` };
    const staged = next.batches.filter((b) => b.type !== 'cutover').map((b) => b.name);
    if (staged.length > 0) {
      return { error: `cutoverBatch: staged batches exist (${staged.join(', ')}); the service never lets staged and cutover batches coexist` };
    }
    next.batches.push({
      name: cutover.name,
      guid: nextGuid(next, 'batch'),
      type: 'cutover',
      endpoint: cutover.endpoint,
      status: 'Synced',
      notificationEmails: [],
      allowUnknownColumnsInCsv: false,
      creationDateTime: next.now,
      startDateTime: next.now,
      initialSyncDateTime: next.now,
      lastSyncedDateTime: next.now,
      lastActivityAt: next.now,
      validationWarnings: [],
    });
  }
  return { state: next };
}

/** One line per fault in force, for `stagemig simulator faults`. */
export function describeFaults(state: SimState): string[] {
  const f = state.faults;
  const out: string[] = [];
  for (const [email, fault] of Object.entries(f.failMailboxes ?? {})) {
    const x = typeof fault === 'string' ? { errorSummary: fault } : fault;
    const times = x.times === undefined ? 'every attempt' : `the first ${x.times} attempt(s)`;
    out.push(`mailbox ${email} fails during ${x.at ?? 'provisioning'}, ${times}: ${x.errorSummary}`);
  }
  const endpoint = f.endpointFailure ?? (f.endpointUnreachable ? 'unreachable' : undefined);
  if (endpoint) out.push(`endpoint verification fails: ${endpoint}`);
  if (f.failOnWriteCall !== undefined) {
    const left = f.failOnWriteCall - state.writeCalls;
    out.push(left > 0 ? `write call ${f.failOnWriteCall} fails (${left} to go): ${f.message ?? 'throttled'}` : `write call ${f.failOnWriteCall} has failed`);
  }
  if (f.writeLatencyMs) out.push(`every write cmdlet takes ${f.writeLatencyMs / 1000} s (real time)`);
  for (const [name, delay] of Object.entries(f.corruptBatches ?? {})) out.push(`batch ${name} turns Corrupted ${delay / 60_000} min after it starts syncing`);
  const held = { missing: 'has no cloud recipient (directory sync did not create it)', mailbox: 'is already a mailbox', contact: 'is held by a mail contact', group: 'is held by a group', mailUser: 'is a mail user' };
  for (const [email, kind] of Object.entries(f.recipients ?? {})) out.push(`address ${email} ${held[kind]}`);
  for (const [name, status] of Object.entries(f.unknownStatus?.batches ?? {})) out.push(`batch ${name} reads with status "${status}"`);
  for (const [email, status] of Object.entries(f.unknownStatus?.users ?? {})) out.push(`migration user ${email} reads with status "${status}"`);
  for (const b of state.batches) if (b.type === 'cutover') out.push(`cutover batch ${b.name} exists: staged batches are refused`);
  out.push(...describeTenant(state.tenant));
  return out;
}
