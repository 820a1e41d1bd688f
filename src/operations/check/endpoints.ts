// Check 1: endpoint reachability and rights, one Test-MigrationServerAvailability per endpoint in the
// documented set that fits it (facts §3.1): -Endpoint NAME once the endpoint exists; before that the
// ExchangeOutlookAnywhereAutodiscover set or the ExchangeOutlookAnywhere (manual) set.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { PreflightRefusal, type PreflightReads } from '../../backends/index.js';
import { endpointAddress, nameKey, type DesiredEndpoint, type LiveState, type WireValue } from '../../model/index.js';
import type { CheckFinding } from './finding.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The parameters, or the environment variable that is missing for them. */
export function serverTestParameters(e: DesiredEndpoint, exists: boolean, env: Env): Record<string, WireValue> | { missing: string } {
  if (exists) return { Endpoint: e.name };
  const password = env[e.passwordEnv];
  if (password === undefined || password === '') return { missing: e.passwordEnv };
  const credentials: WireValue = { credential: { username: e.username, password } };
  if (e.autodiscover) {
    // The Autodiscover set has no -Authentication, -ExchangeServer or -RPCProxyServer.
    return { ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: e.emailAddress ?? '', Credentials: credentials };
  }
  const p: Record<string, WireValue> = {
    ExchangeOutlookAnywhere: true,
    ExchangeServer: e.exchangeServer ?? '',
    RPCProxyServer: e.rpcProxyServer ?? '',
    Credentials: credentials,
  };
  if (e.authentication !== undefined) p.Authentication = e.authentication;
  if (e.emailAddress !== undefined) p.EmailAddress = e.emailAddress;
  return p;
}

/** The call as an admin would type it, with the credential masked. */
export function serverTestText(p: Record<string, WireValue>): string {
  const parts = Object.entries(p).map(([k, v]) => {
    if (v === true) return `-${k}`;
    if (typeof v === 'object' && v !== null && 'credential' in v) return `-${k} (sensitive)`;
    return `-${k} ${String(v)}`;
  });
  return ['Test-MigrationServerAvailability', ...parts].join(' ');
}

const HINT_FAILED =
  'Check that Outlook Anywhere is published with a certificate from a trusted CA, that the credentials are right, and that the account has FullAccess (or Receive As) on the mailboxes and WriteProperty on TargetAddress (seed step 1). The Remote Connectivity Analyzer\'s Outlook Anywhere test shows where it breaks.';

export async function endpointFindings(
  endpoints: readonly DesiredEndpoint[],
  live: LiveState,
  preflight: PreflightReads,
  env: Env,
): Promise<{ findings: CheckFinding[]; calls: number }> {
  const existing = new Set(live.endpoints.map((e) => nameKey(e.name)));
  const findings: CheckFinding[] = [];
  let calls = 0;
  for (const e of endpoints) {
    if (e.state === 'removed') continue;
    const object = endpointAddress(e.name);
    const params = serverTestParameters(e, existing.has(nameKey(e.name)), env);
    if ('missing' in params) {
      findings.push({
        check: 'endpoint', object, status: 'failed',
        summary: `Environment variable ${params.missing} is not set, so the on-premises credentials cannot be tested`,
        hint: `Set ${params.missing} to the password of ${e.username} before running stagemig check.`,
      });
      continue;
    }
    const cmdlet = serverTestText(params);
    calls += 1;
    try {
      const outcome = await preflight.testMigrationServer(params);
      const message = outcome.message.trim();
      if (outcome.result === 'Success') {
        findings.push({ check: 'endpoint', object, status: 'passed', summary: 'The migration service reached the on-premises server with these credentials.', cmdlet });
      } else {
        findings.push({
          check: 'endpoint', object, status: outcome.result === 'Failed' ? 'failed' : 'warning', cmdlet,
          summary: outcome.result === 'Failed' ? 'The migration service cannot use this endpoint' : 'The migration service reached the server with a warning',
          ...(message ? { detail: message } : {}),
          hint: HINT_FAILED,
        });
      }
    } catch (err) {
      if (!(err instanceof PreflightRefusal)) throw err;
      findings.push({ check: 'endpoint', object, status: 'failed', cmdlet, summary: 'The service refused the test', detail: err.message, hint: 'Fix the endpoint settings in the plan; `stagemig validate` shows what each form needs.' });
    }
  }
  return { findings, calls };
}
