// New-, Set- and Remove-MigrationEndpoint (facts §3.2, §3.3, §3.5, §10 C1/C2).
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { EndpointAuthentication, WireValue } from '../../model/index.js';
import { findEndpoint, nextGuid, requireEndpoint, sameName } from './lookup.js';
import { Params, refuse } from './params.js';
import type { SimEndpoint, SimState } from './state.js';
import { T } from './texts.js';

export const DEFAULT_MAX_CONCURRENT_MIGRATIONS = 20;
export const DEFAULT_MAX_INCREMENTAL = 10;
export const TYPE_CONCURRENCY_LIMIT = 300;
const TYPE = 'ExchangeOutlookAnywhere';

const SHARED = [
  'Credentials', 'ExchangeServer', 'RpcProxyServer', 'Authentication', 'MailboxPermission', 'NspiServer',
  'MaxConcurrentMigrations', 'MaxConcurrentIncrementalSyncs', 'SkipVerification', 'SourceMailboxLegacyDN',
  'TestMailbox', 'AcceptUntrustedCertificates',
];
const NEW = ['Name', 'ExchangeOutlookAnywhere', 'Autodiscover', 'EmailAddress', ...SHARED];
const SET = ['Identity', ...SHARED];

function authentication(value: string | undefined, fallback: EndpointAuthentication): EndpointAuthentication {
  if (value === undefined) return fallback;
  const v = value.trim().toLowerCase();
  if (v === 'basic') return 'Basic';
  if (v === 'ntlm') return 'Ntlm';
  return refuse(T.authNotSupported(value));
}

function mailboxPermission(p: Params): SimEndpoint['mailboxPermission'] {
  const v = p.string('MailboxPermission');
  if (v === undefined) return undefined;
  if (/^\s*admin\s*$/i.test(v)) return 'Admin';
  if (/^\s*fullaccess\s*$/i.test(v)) return 'FullAccess';
  return refuse(T.cannotConvert('MailboxPermission', v, 'Microsoft.Exchange.Data.Storage.Management.MigrationMailboxPermission'));
}

function checkConcurrency(state: SimState, self: SimEndpoint | undefined, mig: number, inc: number): void {
  if (!Number.isFinite(mig) || mig < 1) refuse(T.concurrencyRange(label(mig), 1, TYPE_CONCURRENCY_LIMIT));
  if (!Number.isFinite(inc) || inc < 1) refuse(T.concurrencyRange(label(inc), 1, TYPE_CONCURRENCY_LIMIT));
  if (inc > mig) refuse(T.incrementalTooHigh(inc, mig));
  const others = state.endpoints.filter((e) => e !== self && e.type === TYPE);
  const sum = others.reduce((n, e) => n + e.maxConcurrentMigrations, mig);
  if (sum > TYPE_CONCURRENCY_LIMIT) refuse(T.typeLimit(sum, TYPE_CONCURRENCY_LIMIT, TYPE));
}

const label = (n: number): string => (Number.isFinite(n) ? String(n) : 'Unlimited');

/** Without -SkipVerification the service connects to the source; injectable faults make that fail (§8.6). */
function verify(state: SimState, p: Params, autodiscover: boolean): void {
  if (p.switch('SkipVerification')) return;
  const failure = state.faults.endpointFailure ?? (state.faults.endpointUnreachable === true ? 'unreachable' : undefined);
  if (failure === 'unreachable') refuse(T.rpcConnectionFailure);
  if (failure === 'credentials') refuse(T.credentialFailure);
  if (failure === 'autodiscover' && autodiscover) refuse(T.autodiscoverFailure);
}

export function newMigrationEndpoint(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, NEW);
  p.required('Name', 'Credentials');
  if (!p.switch('ExchangeOutlookAnywhere')) refuse(T.parameterSet);
  const name = p.string('Name')!.trim();
  const existing = findEndpoint(state, name);
  if (existing) refuse(T.endpointExists(name));
  const autodiscover = p.switch('Autodiscover');
  const emailAddress = p.string('EmailAddress');
  if (autodiscover) {
    p.required('EmailAddress');
    if (p.has('ExchangeServer') || p.has('RpcProxyServer') || p.has('NspiServer')) refuse(T.parameterSet);
  } else {
    p.required('ExchangeServer', 'RpcProxyServer');
    const hasMailbox = emailAddress !== undefined || p.has('SourceMailboxLegacyDN');
    if (!hasMailbox && !p.has('MailboxPermission') && !p.switch('SkipVerification')) refuse(T.manualNeedsMailbox);
  }
  const auth = authentication(p.string('Authentication'), 'Basic');
  const permission = mailboxPermission(p);
  const mig = p.unlimited('MaxConcurrentMigrations') ?? DEFAULT_MAX_CONCURRENT_MIGRATIONS;
  const inc = p.unlimited('MaxConcurrentIncrementalSyncs') ?? Math.min(mig, DEFAULT_MAX_INCREMENTAL);
  checkConcurrency(state, undefined, mig, inc);
  verify(state, p, autodiscover);
  const cred = p.credential('Credentials')!;
  const endpoint: SimEndpoint = {
    name,
    guid: nextGuid(state, 'endpoint'),
    type: TYPE,
    autodiscover,
    username: cred.username,
    passwordSet: cred.password !== '',
    authentication: auth,
    acceptUntrustedCertificates: p.switch('AcceptUntrustedCertificates'),
    maxConcurrentMigrations: mig,
    maxConcurrentIncrementalSyncs: inc,
  };
  assignOptional(endpoint, p);
  if (emailAddress !== undefined) endpoint.emailAddress = emailAddress;
  if (permission) endpoint.mailboxPermission = permission;
  state.endpoints.push(endpoint);
  return [];
}

function assignOptional(e: SimEndpoint, p: Params): void {
  const set = (k: 'exchangeServer' | 'rpcProxyServer' | 'nspiServer' | 'sourceMailboxLegacyDN', param: string): void => {
    const v = p.string(param);
    if (v !== undefined) e[k] = v;
  };
  set('exchangeServer', 'ExchangeServer');
  set('rpcProxyServer', 'RpcProxyServer');
  set('nspiServer', 'NspiServer');
  set('sourceMailboxLegacyDN', 'SourceMailboxLegacyDN');
}

export function setMigrationEndpoint(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, SET);
  p.required('Identity');
  const e = requireEndpoint(state, p.string('Identity')!);
  const auth = authentication(p.string('Authentication'), e.authentication);
  const permission = mailboxPermission(p);
  const mig = p.unlimited('MaxConcurrentMigrations') ?? e.maxConcurrentMigrations;
  const inc = p.unlimited('MaxConcurrentIncrementalSyncs') ?? e.maxConcurrentIncrementalSyncs;
  checkConcurrency(state, e, mig, inc);
  const untrusted = p.has('AcceptUntrustedCertificates') ? p.bool('AcceptUntrustedCertificates')! : e.acceptUntrustedCertificates;
  verify(state, p, e.autodiscover);
  const cred = p.credential('Credentials');
  Object.assign(e, { authentication: auth, maxConcurrentMigrations: mig, maxConcurrentIncrementalSyncs: inc });
  e.acceptUntrustedCertificates = untrusted;
  if (permission) e.mailboxPermission = permission;
  if (cred) Object.assign(e, { username: cred.username, passwordSet: cred.password !== '' });
  assignOptional(e, p);
  return [];
}

export function removeMigrationEndpoint(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, ['Identity']);
  p.required('Identity');
  const e = requireEndpoint(state, p.string('Identity')!);
  const batches = state.batches.filter((b) => sameName(b.endpoint, e.name)).map((b) => b.name);
  if (batches.length > 0) refuse(T.endpointInUse(e.name, batches.sort()));
  state.endpoints = state.endpoints.filter((x) => x !== e);
  return [];
}
