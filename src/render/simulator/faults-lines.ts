// The faults and tenant settings a simulated service is declared with, one line each, for
// `stagemig simulator faults` (simulator-view.ts prints them).
//
// Must not: read or change the simulator state (operations/simulator.ts hands the settings in).
import type { FaultsInForce } from '../../backends/simulator/index.js';
import type { SimTenant } from '../../backends/simulator/state.js';

const HELD = { missing: 'has no cloud recipient (directory sync did not create it)', mailbox: 'is already a mailbox', contact: 'is held by a mail contact', group: 'is held by a group', mailUser: 'is a mail user' };

/** One line per tenant setting. */
function tenantLines(tenant: SimTenant | undefined): string[] {
  if (!tenant) return [];
  const out: string[] = [];
  if (tenant.acceptedDomains) out.push(`accepted domains: ${tenant.acceptedDomains.join(', ') || '(only the organization\'s)'}`);
  if (tenant.federatedDomains?.length) out.push(`federated domains: ${tenant.federatedDomains.join(', ')}`);
  for (const [domain, a] of Object.entries(tenant.dns ?? {})) {
    out.push(`dns ${domain}: MX ${a.mx === undefined ? 'default' : a.mx.join(', ') || 'none'}, Autodiscover ${a.autodiscover === undefined ? 'default' : a.autodiscover || 'none'}`);
  }
  return out;
}

/** One line per fault in force, then one per tenant setting. */
export function faultLines({ faults: f, writeCalls, tenant, cutoverBatches }: FaultsInForce): string[] {
  const out: string[] = [];
  for (const [email, fault] of Object.entries(f.failMailboxes ?? {})) {
    const x = typeof fault === 'string' ? { errorSummary: fault } : fault;
    const times = x.times === undefined ? 'every attempt' : `the first ${x.times} attempt(s)`;
    out.push(`mailbox ${email} fails during ${x.at ?? 'provisioning'}, ${times}: ${x.errorSummary}`);
  }
  const endpoint = f.endpointFailure ?? (f.endpointUnreachable ? 'unreachable' : undefined);
  if (endpoint) out.push(`endpoint verification fails: ${endpoint}`);
  if (f.failOnWriteCall !== undefined) {
    const left = f.failOnWriteCall - writeCalls;
    out.push(left > 0 ? `write call ${f.failOnWriteCall} fails (${left} to go): ${f.message ?? 'throttled'}` : `write call ${f.failOnWriteCall} has failed`);
  }
  if (f.writeLatencyMs) out.push(`every write cmdlet takes ${f.writeLatencyMs / 1000} s (real time)`);
  for (const [name, delay] of Object.entries(f.corruptBatches ?? {})) out.push(`batch ${name} turns Corrupted ${delay / 60_000} min after it starts syncing`);
  for (const [email, kind] of Object.entries(f.recipients ?? {})) out.push(`address ${email} ${HELD[kind]}`);
  for (const [name, status] of Object.entries(f.unknownStatus?.batches ?? {})) out.push(`batch ${name} reads with status "${status}"`);
  for (const [email, status] of Object.entries(f.unknownStatus?.users ?? {})) out.push(`migration user ${email} reads with status "${status}"`);
  for (const name of cutoverBatches) out.push(`cutover batch ${name} exists: staged batches are refused`);
  out.push(...tenantLines(tenant));
  return out;
}
