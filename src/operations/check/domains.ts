// Check 3: every CSV address's domain is an accepted domain of the tenant, and a federated domain
// (AD FS single sign-on) needs `sso: true`, which makes validate require ForceChangePassword False.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import type { AcceptedDomain } from '../../backends/index.js';
import type { DesiredBatch } from '../../model/index.js';
import { plural } from '../../model/index.js';
import { domainKey } from '../../model/email-key.js';
import type { CheckFinding } from './finding.js';

/** The domain's key (lower case, IDNA A-label): `bücher.example` and `xn--bcher-kva.example` are one domain. */
export const domainOf = (address: string): string => domainKey(address.slice(address.lastIndexOf('@') + 1));

/** Domain → the addresses of the given batches in it, domains sorted. */
export function addressesByDomain(batches: readonly DesiredBatch[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of batches) {
    if (b.state === 'removed') continue;
    for (const u of b.users) {
      const d = domainOf(u.email);
      const list = out.get(d);
      if (list) list.push(u.email);
      else out.set(d, [u.email]);
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function domainFindings(byDomain: Map<string, string[]>, accepted: readonly AcceptedDomain[], sso: boolean): CheckFinding[] {
  const known = new Map(accepted.map((d) => [domainKey(d.domainName), d]));
  const findings: CheckFinding[] = [];
  for (const [domain, addresses] of byDomain) {
    const object = `domain.${domain}`;
    const counts = { addresses: addresses.length };
    const d = known.get(domain);
    const n = plural(addresses.length, 'address', 'addresses');
    if (!d) {
      findings.push({
        check: 'domains', object, status: 'failed', counts, addresses: { not_accepted: [...addresses].sort() },
        summary: `${domain} is not an accepted domain of the tenant (${n} in the CSVs)`,
        hint: `Add and verify ${domain} in the Microsoft 365 admin center (Settings > Domains) before migrating these mailboxes.`,
      });
      continue;
    }
    const federated = (d.authenticationType ?? '').toLowerCase() === 'federated';
    if (federated && !sso) {
      findings.push({
        check: 'domains', object, status: 'failed', counts,
        summary: `${domain} is federated (single sign-on), but the plan says sso: false`,
        detail: 'With single sign-on, ForceChangePassword must be False for every mailbox, or the service refuses the rows.',
        hint: 'Set `sso: true` in the plan; `stagemig validate` then checks that no CSV row sets ForceChangePassword to True.',
      });
      continue;
    }
    const how = d.authenticationType === undefined ? 'sign-in type not reported' : federated ? 'federated; sso: true' : 'managed';
    findings.push({ check: 'domains', object, status: 'passed', counts, summary: `${domain} is accepted (${d.domainType}, ${how}); ${n}.` });
  }
  return findings;
}
