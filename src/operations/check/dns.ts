// Check 5 (informational before the migration ends): where each CSV domain's MX and Autodiscover (the
// autodiscover.<domain> CNAME or A record, and the SRV record _autodiscover._tcp.<domain>) point now. During a staged migration both stay on premises; they move to Microsoft 365 only once every
// mailbox is migrated and converted (seed steps 5–8). Never a failure; a warning when something is early or missing.
// Must not: print, fail the check, or query DNS but through the DnsLookup it is given (node-dns.ts in a real run).
import type { DnsLookup } from '../../backends/index.js';
import type { CheckFinding } from './finding.js';

export type Pointing = 'microsoft365' | 'on-premises' | 'none';

/** MX for Exchange Online is <key>.mail.protection.outlook.com; its Autodiscover is autodiscover.outlook.com (facts §11b). */
export const mxPointing = (hosts: readonly string[]): Pointing =>
  hosts.length === 0 ? 'none' : hosts.some((h) => /\.mail\.protection\.outlook\.com\.?$/i.test(h)) ? 'microsoft365' : 'on-premises';
export const autodiscoverPointing = (target: string | undefined): Pointing =>
  target === undefined ? 'none' : /^autodiscover\.outlook\.com\.?$/i.test(target) ? 'microsoft365' : 'on-premises';

const WHERE: Record<Pointing, string> = { microsoft365: 'Microsoft 365', 'on-premises': 'on premises', none: 'nowhere (no record)' };

async function lookup<T>(f: () => Promise<T>): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await f() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

export async function dnsFinding(domain: string, dns: DnsLookup): Promise<CheckFinding> {
  const object = `domain.${domain}`;
  const [mx, ad, srv] = await Promise.all([
    lookup(() => dns.mx(domain)), lookup(() => dns.autodiscover(domain)), lookup(() => dns.autodiscoverSrv(domain)),
  ]);
  if ('error' in mx || 'error' in ad || 'error' in srv) {
    const why = ['error' in mx ? `MX: ${mx.error}` : '', 'error' in ad ? `Autodiscover: ${ad.error}` : '', 'error' in srv ? `Autodiscover SRV: ${srv.error}` : '']
      .filter(Boolean).join('; ');
    return { check: 'dns', object, status: 'warning', summary: `DNS lookup failed for ${domain}`, detail: why, hint: 'Check the resolver (or pass --dns-server HOST[:PORT]) and run check again.' };
  }
  const m = mxPointing(mx.value);
  const a = autodiscoverPointing(ad.value);
  const s = autodiscoverPointing(srv.value?.target);
  const srvText = srv.value ? `points ${WHERE[s]} (${srv.value.target}:${srv.value.port})` : 'has no record';
  const summary = `MX points ${WHERE[m]}${mx.value.length ? ` (${mx.value.join(', ')})` : ''}; Autodiscover points ${WHERE[a]}${ad.value ? ` (${ad.value})` : ''}; the SRV record _autodiscover._tcp.${domain} ${srvText}.`;
  const warnings: string[] = [];
  if (m === 'none') warnings.push('The domain has no MX record: mail to it is not delivered anywhere.');
  if (m === 'microsoft365') warnings.push('MX already points to Microsoft 365: mail for mailboxes not yet migrated must be routed back on premises until the migration ends.');
  if (s === 'microsoft365' && a !== 'microsoft365') warnings.push('The Autodiscover SRV record already points to Microsoft 365: Outlook that falls back to it looks for mailboxes not yet migrated in the cloud. Move it with Autodiscover, after every mailbox is migrated and converted (seed step 8).');
  if (a === 'microsoft365') warnings.push('Autodiscover already points to Microsoft 365: Outlook of users not yet migrated will look for their mailbox in the cloud. Move it only after every mailbox is migrated and converted (seed steps 5 and 8).');
  if (warnings.length === 0) return { check: 'dns', object, status: 'passed', summary };
  return { check: 'dns', object, status: 'warning', summary, detail: warnings.join(' '), hint: 'Keep MX and Autodiscover on premises until every mailbox is migrated; then switch them (seed step 8).' };
}
