// One endpoint's difference: create, update the settings the service can change, replace, remove (protect).
//
// Must not: do I/O or show a password; pure.
import { endpointAddress } from '../model/index.js';
import type { DesiredEndpoint, LiveBatch, LiveEndpoint, ParamValue, Step } from '../model/index.js';
import { newEndpointStep, removeEndpointStep, setEndpointStep } from './cmdlets.js';
import type { AttributeChange, ResourceChange } from './plan.js';

export interface EndpointDiff {
  change?: ResourceChange;
  steps: Step[];
}

const sameText = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** Attributes shown for a new endpoint (passwords are write-only and never shown). */
function createdAttributes(e: DesiredEndpoint): AttributeChange[] {
  const attrs: AttributeChange[] = [
    { name: 'type', after: e.type },
    { name: 'autodiscover', after: e.autodiscover },
  ];
  if (e.exchangeServer !== undefined) attrs.push({ name: 'exchangeServer', after: e.exchangeServer });
  if (e.rpcProxyServer !== undefined) attrs.push({ name: 'rpcProxyServer', after: e.rpcProxyServer });
  if (e.emailAddress !== undefined) attrs.push({ name: 'emailAddress', after: e.emailAddress });
  attrs.push({ name: 'username', after: e.username });
  if (e.authentication !== undefined) attrs.push({ name: 'authentication', after: e.authentication });
  if (e.maxConcurrentMigrations !== undefined) attrs.push({ name: 'maxConcurrentMigrations', after: e.maxConcurrentMigrations });
  if (e.maxConcurrentIncrementalSyncs !== undefined) {
    attrs.push({ name: 'maxConcurrentIncrementalSyncs', after: e.maxConcurrentIncrementalSyncs });
  }
  for (const k of ['nspiServer', 'mailboxPermission', 'sourceMailboxLegacyDN', 'testMailbox', 'acceptUntrustedCertificates', 'skipVerification'] as const) {
    if (e[k] !== undefined) attrs.push({ name: k, after: e[k] });
  }
  return attrs;
}

/**
 * Settings Set-MigrationEndpoint can change in place. The password cannot be read back, so it is only
 * sent when the endpoint is created or its username changes (like a write-only Terraform attribute).
 */
function updatableDiffs(e: DesiredEndpoint, l: LiveEndpoint): Array<[AttributeChange, string, ParamValue]> {
  const out: Array<[AttributeChange, string, ParamValue]> = [];
  const text = (name: string, param: string, want: string | undefined, have: string | undefined) => {
    if (want !== undefined && !sameText(want, have)) out.push([{ name, before: have, after: want }, param, want]);
  };
  const num = (name: string, param: string, want: number | undefined, have: number | undefined) => {
    if (want !== undefined && want !== have) out.push([{ name, before: have, after: want }, param, want]);
  };
  text('exchangeServer', 'ExchangeServer', e.exchangeServer, l.exchangeServer);
  text('rpcProxyServer', 'RpcProxyServer', e.rpcProxyServer, l.rpcProxyServer);
  text('authentication', 'Authentication', e.authentication, l.authentication);
  num('maxConcurrentMigrations', 'MaxConcurrentMigrations', e.maxConcurrentMigrations, l.maxConcurrentMigrations);
  num('maxConcurrentIncrementalSyncs', 'MaxConcurrentIncrementalSyncs', e.maxConcurrentIncrementalSyncs, l.maxConcurrentIncrementalSyncs);
  text('username', 'Credentials', e.username, l.username);
  return out;
}

/**
 * `leaving`: whether a live batch goes away without the admin (the service is removing it, or the plan
 * removes it); a removal held by any other batch waits on the admin.
 */
export function diffEndpoint(e: DesiredEndpoint, l: LiveEndpoint | undefined, liveBatches: readonly LiveBatch[], leaving: (b: LiveBatch) => boolean): EndpointDiff {
  const address = endpointAddress(e.name);
  const base = { address, type: 'endpoint' as const, name: e.name, attributes: [] as AttributeChange[], notes: [] as string[] };
  if (e.state === 'removed') {
    if (!l) return { steps: [] };
    const using = liveBatches.filter((b) => sameText(b.endpoint, l.name));
    if (using.length > 0) {
      const notes = [`Remove-MigrationEndpoint waits until no batch uses this endpoint (still used by: ${using.map((b) => b.name).join(', ')}).`];
      const staying = using.filter((b) => !leaving(b)).map((b) => b.name);
      if (staying.length === 0) return { change: { ...base, action: 'delete', notes, waitsFor: 'service' }, steps: [] };
      notes.push(`${staying.join(', ')} ${staying.length === 1 ? 'is' : 'are'} not being removed: set \`state: removed\` on ${staying.length === 1 ? 'it' : 'them'} in the YAML (or remove ${staying.length === 1 ? 'it' : 'them'} outside stagemig, if not in the plan), or keep the endpoint.`);
      return { change: { ...base, action: 'delete', notes, waitsFor: 'admin' }, steps: [] };
    }
    return { change: { ...base, action: 'delete' }, steps: [removeEndpointStep(l.name)] };
  }
  if (!l) return { change: { ...base, action: 'create', attributes: createdAttributes(e) }, steps: [newEndpointStep(e)] };

  const notes: string[] = [];
  if (l.type !== e.type) notes.push(`The live endpoint is of type ${l.type}; the type of an endpoint cannot be changed in place.`);
  if (l.autodiscover !== e.autodiscover) {
    notes.push('autodiscover cannot be changed on an existing endpoint: remove it (state: removed) and create it again.');
  }
  const diffs = updatableDiffs(e, l);
  const attributes = diffs.map(([a]) => a);
  // A type or autodiscover change never happens by itself: the admin replaces the endpoint.
  if (diffs.length === 0) return notes.length ? { change: { ...base, action: 'no-op', notes, waitsFor: 'admin' }, steps: [] } : { steps: [] };
  const step = setEndpointStep(e, diffs.map(([, param, value]): [string, ParamValue] => [param, value]));
  return { change: { ...base, action: 'update', attributes, notes }, steps: [step] };
}
