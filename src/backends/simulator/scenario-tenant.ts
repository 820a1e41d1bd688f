// Scenario keys for the tenant around the migration service, read by `stagemig check`:
//   acceptedDomains: [contoso.com]         exactly these (plus the organization's domain)
//   federatedDomains: [contoso.com]        AD FS single sign-on
//   dns: {contoso.com: {mx: [host], autodiscover: host, autodiscoverSrv: host}}   ("" or [] for no record)
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { isScalar, type Node as YamlNode } from 'yaml';
import type { ScenarioReader } from './scenario-nodes.js';
import type { SimDnsAnswers, SimTenant } from './state.js';

export const TENANT_KEYS = ['acceptedDomains', 'federatedDomains', 'dns'] as const;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

function domains(r: ScenarioReader, node: YamlNode | null, what: string): string[] | undefined {
  const list = r.items(node);
  if (!list) return r.fail(node, `${what} must be a list of domain names`, `e.g. ${what}: [contoso.com]`);
  const out: string[] = [];
  for (const item of list) {
    const d = r.text(item, `${what} entry`);
    if (d === undefined) continue;
    if (!DOMAIN.test(d)) r.fail(item, `${what}: "${d}" is not a domain name`);
    else out.push(d.toLowerCase());
  }
  return out;
}

function hosts(r: ScenarioReader, node: YamlNode | null, what: string): string[] | undefined {
  if (isScalar(node)) {
    const one = r.text(node, what);
    return one === undefined ? undefined : one === '' ? [] : [one.toLowerCase()];
  }
  const list = r.items(node);
  if (!list) return r.fail(node, `${what} must be a host name or a list of them`);
  return list.map((n) => r.text(n, what)).filter((h): h is string => h !== undefined).map((h) => h.toLowerCase());
}

function dns(r: ScenarioReader, node: YamlNode | null): Record<string, SimDnsAnswers> {
  const out: Record<string, SimDnsAnswers> = {};
  for (const [domain, keyNode, value] of r.entries(node, 'dns') ?? []) {
    if (!DOMAIN.test(domain)) r.fail(keyNode, `dns: "${domain}" is not a domain name`);
    const answers: SimDnsAnswers = {};
    for (const [key, k, v] of r.entries(value, `dns.${domain}`) ?? []) {
      if (key === 'mx') {
        const mx = hosts(r, v, `dns.${domain}.mx`);
        if (mx) answers.mx = mx;
      } else if (key === 'autodiscover') {
        const t = isScalar(v) && v.value === '' ? '' : r.text(v, `dns.${domain}.autodiscover`);
        if (t !== undefined) answers.autodiscover = t.toLowerCase();
      } else if (key === 'autodiscoverSrv') {
        const t = isScalar(v) && v.value === '' ? '' : r.text(v, `dns.${domain}.autodiscoverSrv`);
        if (t !== undefined) answers.autodiscoverSrv = t.toLowerCase();
      } else r.unknownKey(k, key, `dns.${domain}`, ['mx', 'autodiscover', 'autodiscoverSrv']);
    }
    out[domain.toLowerCase()] = answers;
  }
  return out;
}

/** Reads one tenant key into `tenant`; false when the key is not a tenant key. */
export function readTenantKey(r: ScenarioReader, key: string, value: YamlNode | null, tenant: SimTenant): boolean {
  if (key === 'acceptedDomains') {
    const d = domains(r, value, key);
    if (d) tenant.acceptedDomains = d;
  } else if (key === 'federatedDomains') {
    const d = domains(r, value, key);
    if (d) tenant.federatedDomains = d;
  } else if (key === 'dns') tenant.dns = dns(r, value);
  else return false;
  return true;
}
