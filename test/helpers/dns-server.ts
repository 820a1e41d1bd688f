// A DNS server for tests on 127.0.0.1 (UDP, a free port): answers MX, CNAME, A and SRV questions from a
// table; any other name is NXDOMAIN. Encoding and decoding by dns-packet.
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

export interface DnsZone {
  /** Domain → MX hosts (preference 10, 20, ...). */
  mx?: Record<string, string[]>;
  /** Name → CNAME target. */
  cname?: Record<string, string>;
  /** Name → IPv4 addresses. */
  a?: Record<string, string[]>;
  /** Name (e.g. _autodiscover._tcp.contoso.com) → SRV targets with their ports (priority 0, weight 0). */
  srv?: Record<string, Array<{ target: string; port: number }>>;
}

export interface TestDnsServer {
  /** HOST:PORT for --dns-server. */
  address: string;
  /** Questions received, as "TYPE name". */
  questions: string[];
  close: () => Promise<void>;
}

function answers(zone: DnsZone, q: packet.Question): packet.Answer[] {
  const name = q.name.toLowerCase();
  const cname = zone.cname?.[name];
  if (cname !== undefined) return [{ type: 'CNAME', name: q.name, ttl: 60, class: 'IN', data: cname }];
  if (q.type === 'MX') return (zone.mx?.[name] ?? []).map((exchange, i) => ({ type: 'MX', name: q.name, ttl: 60, class: 'IN', data: { preference: (i + 1) * 10, exchange } }));
  if (q.type === 'SRV') return (zone.srv?.[name] ?? []).map((r) => ({ type: 'SRV', name: q.name, ttl: 60, class: 'IN', data: { priority: 0, weight: 0, port: r.port, target: r.target } }));
  if (q.type === 'A') return (zone.a?.[name] ?? []).map((ip) => ({ type: 'A', name: q.name, ttl: 60, class: 'IN', data: ip }));
  return [];
}

const exists = (zone: DnsZone, name: string): boolean =>
  [zone.mx, zone.cname, zone.a, zone.srv].some((t) => t !== undefined && name.toLowerCase() in t);

export async function startDnsServer(zone: DnsZone): Promise<TestDnsServer> {
  const socket = createSocket('udp4');
  const questions: string[] = [];
  socket.on('message', (msg, from) => {
    const query = packet.decode(msg);
    const q = query.questions?.[0];
    if (!q) return;
    questions.push(`${q.type} ${q.name}`);
    const reply = packet.encode({
      id: query.id, type: 'response', flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (exists(zone, q.name) ? 0 : 3),
      questions: [q], answers: answers(zone, q),
    });
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return { address: `127.0.0.1:${port}`, questions, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}
