// Rules JSON Schema cannot express: references, name limits, batch count, concurrency limits.
// They run on whatever parts of the plan are well-formed, so one run reports everything.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diag/index.js';
import { batchAddress, endpointAddress } from '../model/index.js';
import { didYouMean } from './text/did-you-mean.js';
import { MAX_BATCHES, MAX_BATCH_NAME_LENGTH } from './raw-plan.js';
import { diagAt, nodeRange, type YamlSource } from './yaml/yaml-source.js';
import { locate } from './yaml/yaml-locate.js';

const MAX_CONCURRENT_PER_TYPE = 300;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function keyNode(src: YamlSource, path: string[]): YamlNode | null {
  const loc = locate(src, path);
  return (loc.pair?.key ?? loc.node) as YamlNode | null;
}

function at(src: YamlSource, path: string[], useKey: boolean) {
  return nodeRange(src, useKey ? keyNode(src, path) : locate(src, path).node);
}

function caseDuplicates(src: YamlSource, section: 'endpoints' | 'batches', names: string[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  const kind = section === 'endpoints' ? 'endpoint' : 'batch';
  for (const name of names) {
    const first = seen.get(name.toLowerCase());
    if (first === undefined) {
      seen.set(name.toLowerCase(), name);
      continue;
    }
    out.push(diagAt(src, 'DUPLICATE_NAME', `The ${kind} names \`${first}\` and \`${name}\` differ only in case`, at(src, [section, name], true), {
      detail: 'The migration service compares names case-insensitively, so both would be the same object.',
      hint: `Rename or remove one of the two ${section}.`,
    }));
  }
  return out;
}

/** Keys of the manual form only: Exchange Online's Autodiscover parameter set has none of these parameters. */
const MANUAL_ONLY = ['authentication', 'exchangeServer', 'rpcProxyServer', 'nspiServer', 'mailboxPermission'];

function autodiscoverRules(src: YamlSource, name: string, ep: Record<string, unknown>): Diagnostic[] {
  if (ep.autodiscover !== true) return [];
  return MANUAL_ONLY.filter((k) => Object.hasOwn(ep, k)).map((k) =>
    diagAt(src, 'AUTODISCOVER_SETTING', `\`${k}\` cannot be set on endpoint \`${name}\`, which uses autodiscover`, at(src, ['endpoints', name, k], true), {
      address: endpointAddress(name),
      detail: 'New-MigrationEndpoint -Autodiscover discovers the server settings and the authentication method itself; its documented parameter set has no parameter for this.',
      hint: `Remove \`${k}\`, or set \`autodiscover: false\` and give exchangeServer, rpcProxyServer and emailAddress.`,
    }));
}

function endpointRules(src: YamlSource, endpoints: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = caseDuplicates(src, 'endpoints', Object.keys(endpoints));
  let total = 0;
  for (const [name, ep] of Object.entries(endpoints)) {
    if (isRecord(ep)) out.push(...autodiscoverRules(src, name, ep));
    if (!isRecord(ep) || ep.state === 'removed') continue;
    const mig = ep.maxConcurrentMigrations;
    const inc = ep.maxConcurrentIncrementalSyncs;
    if (typeof mig === 'number') total += mig;
    if (typeof mig === 'number' && typeof inc === 'number' && inc > mig) {
      out.push(diagAt(src, 'INVALID_CONCURRENCY', `maxConcurrentIncrementalSyncs (${inc}) of endpoint \`${name}\` is greater than maxConcurrentMigrations (${mig})`,
        at(src, ['endpoints', name, 'maxConcurrentIncrementalSyncs'], false), {
          address: endpointAddress(name),
          hint: `Set maxConcurrentIncrementalSyncs to at most ${mig}, or raise maxConcurrentMigrations.`,
        }));
    }
  }
  if (total > MAX_CONCURRENT_PER_TYPE) {
    out.push(diagAt(src, 'INVALID_CONCURRENCY', `The endpoints' maxConcurrentMigrations add up to ${total}; the service allows at most ${MAX_CONCURRENT_PER_TYPE} per endpoint type`,
      at(src, ['endpoints'], true), { hint: 'Lower maxConcurrentMigrations so the sum over all endpoints is at most 300.' }));
  }
  return out;
}

function batchRules(src: YamlSource, batches: Record<string, unknown>, endpoints: Record<string, unknown>): Diagnostic[] {
  const names = Object.keys(batches);
  const out: Diagnostic[] = caseDuplicates(src, 'batches', names);
  const live = names.filter((n) => !(isRecord(batches[n]) && batches[n].state === 'removed'));
  if (live.length > MAX_BATCHES) {
    out.push(diagAt(src, 'TOO_MANY_BATCHES', `The plan declares ${live.length} batches; the service allows at most ${MAX_BATCHES}`, at(src, ['batches'], true), {
      detail: 'Batches with `state: removed` are not counted.',
      hint: 'Merge small batches (a batch holds up to 2,000 mailboxes) or remove finished batches.',
    }));
  }
  for (const name of names) {
    const batch = batches[name];
    if (name.length > MAX_BATCH_NAME_LENGTH) {
      out.push(diagAt(src, 'BATCH_NAME_TOO_LONG', `Batch name is ${name.length} characters long; the service allows at most ${MAX_BATCH_NAME_LENGTH}`,
        at(src, ['batches', name], true), { address: batchAddress(name), hint: `Shorten the name to ${MAX_BATCH_NAME_LENGTH} characters or fewer.` }));
    }
    if (!isRecord(batch) || typeof batch.endpoint !== 'string' || batch.endpoint === '') continue;
    const ref = batch.endpoint;
    const where = (): ReturnType<typeof at> => at(src, ['batches', name, 'endpoint'], false); // located only for a problem
    const ep = endpoints[ref];
    if (!Object.hasOwn(endpoints, ref)) {
      const known = Object.keys(endpoints);
      out.push(diagAt(src, 'UNKNOWN_ENDPOINT', `Batch \`${name}\` uses endpoint \`${ref}\`, which is not declared under \`endpoints\``, where(), {
        address: batchAddress(name),
        hint: didYouMean(ref, known) ?? (known.length ? `Declared endpoints: ${known.map((k) => `\`${k}\``).join(', ')}.` : 'Declare the endpoint under `endpoints:`.'),
      }));
    } else if (isRecord(ep) && ep.state === 'removed' && batch.state !== 'removed') {
      out.push(diagAt(src, 'ENDPOINT_IN_USE', `Batch \`${name}\` uses endpoint \`${ref}\`, which is marked \`state: removed\``, where(), {
        address: batchAddress(name),
        detail: 'The service refuses to remove an endpoint that any batch still uses.',
        hint: `Set \`state: removed\` on batch \`${name}\` too, or keep the endpoint.`,
      }));
    }
  }
  return out;
}

export function planRuleDiagnostics(src: YamlSource, data: unknown): Diagnostic[] {
  if (!isRecord(data)) return [];
  const endpoints = isRecord(data.endpoints) ? data.endpoints : {};
  const batches = isRecord(data.batches) ? data.batches : {};
  return [...endpointRules(src, endpoints), ...batchRules(src, batches, endpoints)];
}
