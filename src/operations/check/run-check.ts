// `stagemig check` as a use case: load the plan, open its backend, read what every check needs with a
// fixed number of service calls, and return the findings. Changes nothing.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import type { Backend } from '../../backends/index.js';
import { displayPath } from '../../config/index.js';
import { error, StagemigError, type Diagnostic } from '../../diag/index.js';
import type { Host } from '../host.js';
import { loadDesired } from '../load-desired.js';
import { withBackend } from '../open-backend.js';
import { batchAddress, endpointAddress, nameKey, type DesiredState } from '../../model/index.js';
import { addressesByDomain, domainFindings } from './domains.js';
import { dnsFinding } from './dns.js';
import { licenseFindings, licensesNotChecked } from './licenses.js';
import { readLicensingForReport } from '../licensing-read.js';
import { endpointFindings } from './endpoints.js';
import { sortFindings, type CheckReport } from './finding.js';
import { nodeDns } from './node-dns.js';
import { recipientFindings } from './recipients.js';
import { tenantFindings } from './tenant-limits.js';

export interface CheckArgs {
  planPath: string;
  /** Canonical batch.NAME / endpoint.NAME addresses (validated by the caller against the plan); empty: everything. */
  targets?: (desired: DesiredState) => string[];
  /** --dns-server in Resolver form (see parseDnsServer); otherwise the simulator's answers or the system resolver. */
  dnsServer?: string;
}

export interface CheckResult {
  desired: DesiredState;
  /** The plan file as the user sees it. */
  planFileShown: string;
  report: CheckReport;
  /** Warnings from loading the plan. */
  diagnostics: Diagnostic[];
}

/** The endpoints and batches in scope: the targets and what they depend on, or all of them. */
function scope(desired: DesiredState, targets: readonly string[]) {
  if (targets.length === 0) return { endpoints: desired.endpoints, batches: desired.batches };
  const wanted = new Set(targets.map(nameKey));
  const batches = desired.batches.filter((b) => wanted.has(nameKey(batchAddress(b.name))));
  const endpointNames = new Set(batches.map((b) => nameKey(b.endpoint)));
  const endpoints = desired.endpoints.filter((e) => wanted.has(nameKey(endpointAddress(e.name))) || endpointNames.has(nameKey(e.name)));
  return { endpoints, batches };
}

export async function runChecks(host: Pick<Host, 'env' | 'clock'>, desired: DesiredState, backend: Backend, args: { targets: string[]; dnsServer?: string }): Promise<CheckReport> {
  const preflight = backend.preflight;
  if (!preflight) throw new StagemigError([error('BACKEND_FAILED', `The ${desired.backend.type} backend cannot run checks`)]);
  const { endpoints, batches } = scope(desired, args.targets);
  const live = await backend.readLive();
  let calls = 3;
  const [recipients, accepted] = await Promise.all([preflight.readRecipients(), preflight.readAcceptedDomains()]);
  calls += 2;
  const tested = await endpointFindings(endpoints, live, preflight, host.env);
  calls += tested.calls;
  const byDomain = addressesByDomain(batches);
  const dns = args.dnsServer !== undefined ? nodeDns(args.dnsServer) : (preflight.dns ?? nodeDns());
  const dnsFindings = await Promise.all([...byDomain.keys()].map((d) => dnsFinding(d, dns)));
  // Licences (seed step 7), only when a batch declares `license` (as plan and apply): two bulk Graph reads.
  const read = await readLicensingForReport(desired, backend);
  const licensing = 'licensing' in read ? read.licensing : undefined;
  if (licensing) calls += 2;
  const findings = [
    ...tested.findings,
    ...recipientFindings(batches, recipients, live),
    ...domainFindings(byDomain, accepted, desired.sso),
    ...tenantFindings(desired, live),
    ...dnsFindings,
    ...(licensing ? licenseFindings(desired, live, licensing, backend.clock ? await backend.clock.now() : host.clock.now()) : []),
  ];
  return { findings: sortFindings(findings), serviceCalls: calls, skipped: 'notRead' in read ? [licensesNotChecked(read.notRead)] : [] };
}

export async function runCheck(host: Host, args: CheckArgs): Promise<CheckResult> {
  const { desired, warnings } = await loadDesired(host, args.planPath);
  const targets = args.targets?.(desired) ?? [];
  const onPremisesAddresses = desired.batches.flatMap((b) => b.users.map((u) => u.email));
  const report = await withBackend(host, desired, (backend) =>
    runChecks(host, desired, backend, { targets, ...(args.dnsServer !== undefined ? { dnsServer: args.dnsServer } : {}) }),
  { onPremisesAddresses });
  return { desired, planFileShown: displayPath(desired.planFile, host.cwd), report, diagnostics: warnings };
}
