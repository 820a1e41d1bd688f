// The cloud mailboxes Get-Mailbox returns: the directory's mailboxes (directory.ts): every migration user
// the service provisioned (unless disabled for want of a licence), mailboxes kept after their migration
// record went, and addresses a scenario declares as mailboxes. Addresses, the LegacyExchangeDN and the
// ExchangeGuid are derived deterministically from the address, in the shapes Exchange Online uses, so
// conversion (seed step 5) can be rehearsed end to end.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { createHash } from 'node:crypto';
import type { CloudMailbox } from '../../model/index.js';
import { mailboxDisabled } from './licensing.js';
import { emailKey } from '../../model/email-key.js';
import type { SimState } from './state.js';

const TENANT_SUFFIX = '.onmicrosoft.com';

/** contoso.onmicrosoft.com → contoso.mail.onmicrosoft.com (the domain of the routing addresses). */
export function routingDomain(organization: string): string {
  const org = organization.trim().toLowerCase();
  const tenant = org.endsWith(TENANT_SUFFIX) ? org.slice(0, -TENANT_SUFFIX.length) : org.split('.')[0]!;
  return `${tenant}.mail${TENANT_SUFFIX}`;
}

/** The characters an Exchange alias may hold (letters, digits and the RFC 5322 atext symbols, dots). */
function aliasOf(email: string): string {
  const local = email.slice(0, email.lastIndexOf('@'));
  const ascii = local.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const alias = ascii.replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g, '').replace(/^\.+|\.+$/g, '');
  return alias === '' ? `user${hex(email, 8)}` : alias;
}

function hex(text: string, length: number): string {
  return createHash('sha256').update(text.toLowerCase()).digest('hex').slice(0, length);
}

function guidOf(email: string): string {
  const h = hex(`exchange-guid:${email}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The addresses Get-Mailbox lists, once each (the planner's LiveState.mailboxes holds the same). */
export function cloudMailboxAddresses(state: SimState): string[] {
  const seen = new Set<string>();
  const emails: string[] = [];
  const add = (email: string): void => {
    const k = emailKey(email);
    if (!seen.has(k)) {
      seen.add(k);
      emails.push(email);
    }
  };
  // A mailbox left unlicensed past the grace period is disabled: Get-Mailbox no longer lists it.
  for (const u of state.users) if (u.provisioned && !mailboxDisabled(state, u)) add(u.email);
  for (const m of state.directory?.mailboxes ?? []) add(m);
  for (const [email, kind] of Object.entries(state.faults.recipients ?? {})) if (kind === 'mailbox') add(email);
  return emails;
}

export function readCloudMailboxes(state: SimState | undefined, organization: string | undefined): CloudMailbox[] {
  if (!state) return [];
  const emails = cloudMailboxAddresses(state);
  if (emails.length === 0) return [];
  if (organization === undefined || organization.trim() === '') {
    throw new Error('The simulator needs the plan\'s organization to answer Get-Mailbox');
  }
  const tenant = organization.trim().toLowerCase();
  const routing = routingDomain(tenant);
  return emails
    .map((email) => {
      const alias = aliasOf(email);
      return {
        primarySmtpAddress: email,
        emailAddresses: [`SMTP:${email}`, `smtp:${alias}@${tenant}`, `smtp:${alias}@${routing}`],
        legacyExchangeDN: `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${hex(email, 32)}-${alias.slice(0, 16)}`,
        exchangeGuid: guidOf(email),
      };
    })
    .sort((a, b) => (a.primarySmtpAddress.toLowerCase() < b.primarySmtpAddress.toLowerCase() ? -1 : 1));
}
