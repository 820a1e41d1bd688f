// The simulated tenant as `stagemig check` reads it: Test-MigrationServerAvailability against the
// injected endpoint faults, Get-Recipient from the directory that directory sync fills, Get-AcceptedDomain.
// Pure functions of the state and of the on-premises organization (the plan's addresses stand for it).
// Must not: change the state, print or read the host's clock: `check` only reads the tenant.
import type { WireValue } from '../../model/index.js';
import type { AcceptedDomain, CloudRecipient, ServerTestOutcome } from '../preflight.js';
import { findEndpoint } from './lookup.js';
import { Params, refuse } from './params.js';
import { cloudDirectory } from './directory.js';
import type { SimState } from './state.js';
import { T } from './texts.js';

/** The on-premises organization that directory sync mirrors: the plan's organization and CSV addresses. */
export interface OnPremises {
  organization: string;
  addresses: readonly string[];
}

const SETS = [
  'Endpoint', 'ExchangeOutlookAnywhere', 'Autodiscover', 'Credentials', 'EmailAddress', 'ExchangeServer', 'RPCProxyServer',
  'Authentication', 'MailboxPermission', 'TestMailbox', 'SourceMailboxLegacyDN', 'AcceptUntrustedCertificates',
];
const MANUAL_ONLY = ['ExchangeServer', 'RPCProxyServer', 'Authentication'];

function failure(state: SimState, autodiscover: boolean): ServerTestOutcome {
  const kind = state.faults.endpointFailure ?? (state.faults.endpointUnreachable === true ? 'unreachable' : undefined);
  if (kind === 'unreachable') return { result: 'Failed', message: T.rpcConnectionFailure };
  if (kind === 'credentials') return { result: 'Failed', message: T.credentialFailure };
  if (kind === 'autodiscover' && autodiscover) return { result: 'Failed', message: T.autodiscoverFailure };
  return { result: 'Success', message: '' };
}

/**
 * Test-MigrationServerAvailability in its three Outlook Anywhere sets (TestEndpoint,
 * ExchangeOutlookAnywhereAutodiscover, ExchangeOutlookAnywhere). Argument errors are refusals (they throw).
 */
export function testMigrationServer(state: SimState | undefined, params: Record<string, WireValue>): ServerTestOutcome {
  const p = new Params(params, SETS);
  if (p.has('Endpoint')) {
    if (SETS.some((n) => n !== 'Endpoint' && p.has(n))) refuse(T.parameterSet);
    const name = p.string('Endpoint')!.trim();
    const endpoint = state ? findEndpoint(state, name) : undefined;
    if (!state || !endpoint) return refuse(T.endpointNotFound(name));
    return failure(state, endpoint.autodiscover);
  }
  p.required('Credentials');
  if (!p.switch('ExchangeOutlookAnywhere')) refuse(T.parameterSet);
  const autodiscover = p.switch('Autodiscover');
  if (autodiscover) {
    p.required('EmailAddress');
    if (MANUAL_ONLY.some((n) => p.has(n))) refuse(T.parameterSet);
  } else p.required('ExchangeServer', 'RPCProxyServer');
  return state ? failure(state, autodiscover) : { result: 'Success', message: '' };
}

function recipient(address: string, type: string): CloudRecipient {
  return { name: address.split('@')[0]!, recipientTypeDetails: type, primarySmtpAddress: address, smtpAddresses: [address] };
}

/** Get-Recipient -ResultSize Unlimited: directory sync's mail users, mailboxes and the scenario's objects (directory.ts). */
export function readRecipients(state: SimState | undefined, onPremises: OnPremises | undefined): CloudRecipient[] {
  const overrides = state?.faults.recipients ?? {};
  const addresses = new Set([
    ...(onPremises?.addresses ?? []).map((a) => a.toLowerCase()),
    ...(state?.users ?? []).map((u) => u.email.toLowerCase()),
    ...(state?.directory?.mailboxes ?? []).map((a) => a.toLowerCase()),
    ...Object.keys(overrides),
  ]);
  if (!state) return [...addresses].sort().map((a) => recipient(a, 'MailUser'));
  const directory = cloudDirectory(state);
  const out: CloudRecipient[] = [];
  for (const a of [...addresses].sort()) {
    const type = directory.recipientType(a);
    if (type !== undefined) out.push(recipient(a, type));
  }
  return out;
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Get-AcceptedDomain: the organization's domain plus the scenario's domains (default: every domain of the plan's addresses). */
export function readAcceptedDomains(state: SimState | undefined, onPremises: OnPremises | undefined): AcceptedDomain[] {
  const tenant = state?.tenant;
  const federated = new Set((tenant?.federatedDomains ?? []).map((d) => d.toLowerCase()));
  const names = new Set<string>();
  if (onPremises?.organization) names.add(onPremises.organization.toLowerCase());
  const listed = tenant?.acceptedDomains ?? (onPremises?.addresses ?? []).map(domainOf);
  for (const d of listed) names.add(d.toLowerCase());
  return [...names].sort().map((domainName) => ({
    domainName,
    domainType: 'Authoritative',
    authenticationType: federated.has(domainName) ? 'Federated' : 'Managed',
  }));
}
