// Pure: the live migration service → a plan YAML and one CSV per batch that `stagemig plan`
// reports as converged (the YAML states each batch in the state it is in, with its mailboxes).
// Must not: read the service or files, write files (write-import.ts does), or put a secret in the YAML: credentials name
// a passwordEnv.
import { Document, isScalar } from 'yaml';
import { batchAddress, endpointAddress, hasUnsafeCharacter, nameKey } from '../../model/index.js';
import type { LiveEndpoint, LiveState } from '../../model/index.js';
import { stateOfLive } from '../../plan/index.js';
import { csvFileNames, csvText, passwordEnvFor } from './names.js';

/** What the service cannot tell: taken from an existing plan (--from) when it declares the endpoint. */
export interface EndpointHint {
  emailAddress?: string;
  passwordEnv?: string;
}

export interface ImportOptions {
  organization: string;
  /** The `backend:` section as it should appear in the YAML. */
  backend: Record<string, string>;
  sso: boolean;
  hints: ReadonlyMap<string, EndpointHint>;
  /** Path of the schema relative to the output folder, for the editor modeline. */
  schemaRef: string;
  /** Describes where the state was read, for the header comment. */
  source: string;
}

export interface ImportResult {
  yaml: string;
  csvs: Array<{ path: string; text: string }>;
  /** Objects left out, and why. */
  skipped: Array<{ address: string; reason: string }>;
  /** Values that could not be read from the service and were filled with a placeholder. */
  placeholders: string[];
}

type Obj = Record<string, unknown>;

/** A plan refuses such names (config/unsafe-names.ts), so the object stays unmanaged. */
const UNSAFE_NAME = 'its name holds a control character, which a plan cannot hold; it stays unmanaged (stagemig leaves it alone)';

const isAddress = (s: string | undefined): s is string => s !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);

function endpointObject(e: LiveEndpoint, count: number, hint: EndpointHint | undefined, domain: string, placeholders: string[]): Obj {
  const o: Obj = { type: 'ExchangeOutlookAnywhere', autodiscover: e.autodiscover };
  if (!e.autodiscover) {
    o.exchangeServer = e.exchangeServer ?? 'exchange.invalid';
    o.rpcProxyServer = e.rpcProxyServer ?? 'exchange.invalid';
    if (!e.exchangeServer || !e.rpcProxyServer) placeholders.push(`${endpointAddress(e.name)}: exchangeServer/rpcProxyServer`);
  }
  const email = hint?.emailAddress ?? (isAddress(e.username) ? e.username : undefined);
  if (e.autodiscover || email) o.emailAddress = email ?? `administrator@${domain}`;
  if (e.autodiscover && !email) placeholders.push(`${endpointAddress(e.name)}: emailAddress`);
  o.credentials = { username: e.username ?? 'CHANGE-ME', passwordEnv: hint?.passwordEnv ?? passwordEnvFor(e.name, count) };
  // Autodiscover endpoints discover their authentication; only the manual form states it.
  if (!e.autodiscover && e.authentication !== undefined) o.authentication = e.authentication.toLowerCase() === 'ntlm' ? 'NTLM' : 'Basic';
  if (e.maxConcurrentMigrations !== undefined) o.maxConcurrentMigrations = e.maxConcurrentMigrations;
  if (e.maxConcurrentIncrementalSyncs !== undefined) o.maxConcurrentIncrementalSyncs = e.maxConcurrentIncrementalSyncs;
  return o;
}

export function buildImport(live: LiveState, opts: ImportOptions): ImportResult {
  const skipped: ImportResult['skipped'] = [];
  const placeholders: string[] = [];
  const members = new Map<string, string[]>();
  for (const u of live.users) {
    if (u.status === 'Removing') continue;
    const list = members.get(nameKey(u.batch)) ?? [];
    list.push(u.email);
    members.set(nameKey(u.batch), list);
  }
  const domain = live.users[0]?.email.split('@')[1] ?? opts.organization;
  const batches: Obj = {};
  const csvs: ImportResult['csvs'] = [];
  const files = csvFileNames(live.batches.map((b) => b.name));
  const onlyEndpoint = live.endpoints.length === 1 ? live.endpoints[0]!.name : undefined;
  for (const b of live.batches) {
    const emails = members.get(nameKey(b.name)) ?? [];
    const endpoint = b.endpoint ?? onlyEndpoint;
    if (hasUnsafeCharacter(b.name)) skipped.push({ address: batchAddress(b.name), reason: UNSAFE_NAME });
    else if (endpoint !== undefined && hasUnsafeCharacter(endpoint)) skipped.push({ address: batchAddress(b.name), reason: 'its endpoint\'s name holds a control character (see that endpoint)' });
    else if (emails.some(hasUnsafeCharacter)) skipped.push({ address: batchAddress(b.name), reason: 'a mailbox address in it holds a control character, which a batch CSV cannot hold' });
    else if (b.status === 'Removing') skipped.push({ address: batchAddress(b.name), reason: 'it is being removed' });
    else if (emails.length === 0) skipped.push({ address: batchAddress(b.name), reason: 'it has no mailboxes (a batch CSV needs at least one)' });
    else if (!endpoint) skipped.push({ address: batchAddress(b.name), reason: 'the service does not say which endpoint it uses' });
    else {
      const csv = files.get(b.name)!;
      const o: Obj = { endpoint, csv, state: stateOfLive(b) };
      if (b.notificationEmails.length > 0) o.notificationEmails = [...b.notificationEmails];
      if (o.state === 'started' && b.startAfter !== undefined) o.startAfter = b.startAfter;
      batches[b.name] = o;
      csvs.push({ path: csv, text: csvText(emails) });
      if (b.status === 'Corrupted') skipped.push({ address: batchAddress(b.name), reason: 'imported, but it is Corrupted: the service only allows removing it' });
    }
  }
  const endpoints: Obj = {};
  for (const e of live.endpoints) {
    if (hasUnsafeCharacter(e.name)) skipped.push({ address: endpointAddress(e.name), reason: UNSAFE_NAME });
    else endpoints[e.name] = endpointObject(e, live.endpoints.length, opts.hints.get(nameKey(e.name)), domain, placeholders);
  }
  const plan: Obj = { version: 1, organization: opts.organization, backend: opts.backend, sso: opts.sso, endpoints, batches };
  const doc = new Document(plan);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${opts.schemaRef}`,
    ` Imported by \`stagemig import\` from ${opts.source}.`,
    ' `stagemig plan` on this file reports no changes; edit it (and batches/*.csv) from here on.',
  ].join('\n');
  for (const p of placeholders) {
    const [address, key] = p.split(': ');
    const name = address!.slice('endpoint.'.length);
    const node = doc.getIn(['endpoints', name, key!.split('/')[0]!], true);
    if (isScalar(node)) node.comment = ' placeholder: the service does not report it; set the real value';
  }
  return { yaml: doc.toString(), csvs, skipped, placeholders };
}
