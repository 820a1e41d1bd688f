// DNS through node's resolver: the system's servers, or the one given with --dns-server HOST[:PORT].
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import { Resolver } from 'node:dns/promises';
import type { DnsLookup } from '../../backends/index.js';

const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);
const absent = (err: unknown): boolean => ABSENT.has((err as NodeJS.ErrnoException).code ?? '');

/** HOST[:PORT] (IPv6 as [ADDR]:PORT) in the form Resolver.setServers takes; undefined when it is not one. */
export function parseDnsServer(text: string): string | undefined {
  const t = text.trim();
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(t);
  const v4 = /^([0-9]{1,3}(?:\.[0-9]{1,3}){3})(?::(\d{1,5}))?$/.exec(t);
  const m = v6 ?? v4;
  if (!m) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  if (v4 && m[1]!.split('.').some((o) => Number(o) > 255)) return undefined;
  const host = v6 ? `[${m[1]}]` : m[1]!;
  return port === undefined ? (v6 ? m[1]! : host) : `${host}:${port}`;
}

export function nodeDns(server?: string): DnsLookup {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (server !== undefined) resolver.setServers([server]);
  return {
    async mx(domain) {
      try {
        const records = await resolver.resolveMx(domain);
        return records.sort((a, b) => a.priority - b.priority || (a.exchange < b.exchange ? -1 : 1)).map((r) => r.exchange.toLowerCase());
      } catch (err) {
        if (absent(err)) return [];
        throw err;
      }
    },
    async autodiscoverSrv(domain) {
      try {
        const [best] = (await resolver.resolveSrv(`_autodiscover._tcp.${domain}`))
          .sort((a, b) => a.priority - b.priority || b.weight - a.weight || (a.name < b.name ? -1 : 1));
        return best === undefined ? undefined : { target: best.name.toLowerCase(), port: best.port };
      } catch (err) {
        if (absent(err)) return undefined;
        throw err;
      }
    },
    async autodiscover(domain) {
      const name = `autodiscover.${domain}`;
      try {
        const [target] = await resolver.resolveCname(name);
        if (target !== undefined) return target.toLowerCase();
      } catch (err) {
        if (!absent(err)) throw err;
      }
      try {
        return (await resolver.resolve4(name)).length > 0 ? name : undefined;
      } catch (err) {
        if (absent(err)) return undefined;
        throw err;
      }
    },
  };
}
