// The simulated tenant's DNS (scenario `dns:`): a domain without answers has the records of a tenant
// before its MX switch (an empty answer: no such record),, MX and Autodiscover on premises (mail.<domain>, autodiscover.<domain>).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { DnsLookup } from '../preflight.js';
import type { SimState } from './state.js';

export function simulatedDns(load: () => Promise<SimState | undefined>): DnsLookup {
  const answers = async (domain: string) => (await load())?.tenant?.dns?.[domain.toLowerCase()];
  return {
    mx: async (domain) => (await answers(domain))?.mx ?? [`mail.${domain}`],
    autodiscoverSrv: async (domain) => {
      const target = (await answers(domain))?.autodiscoverSrv;
      return target === undefined || target === '' ? undefined : { target, port: 443 };
    },
    autodiscover: async (domain) => {
      const target = (await answers(domain))?.autodiscover;
      if (target === undefined) return `autodiscover.${domain}`;
      return target === '' ? undefined : target;
    },
  };
}
