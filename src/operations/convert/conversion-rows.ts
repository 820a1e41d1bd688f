// Seed step 5, pure: which mailboxes of a batch can be converted to mail users, and what each
// conversion needs from Exchange Online (routing address, cloud LegacyExchangeDN, proxy addresses).
// Must not: read the service or files (the live state and the mailboxes come in), or guess: a mailbox without a routing
// address or an ExchangeGuid is a problem, never a row.
import type { CloudMailbox, DesiredBatch, LiveState, UserStatus } from '../../model/index.js';
import { compareText, nameKey } from '../../model/index.js';
import { emailKey } from '../../model/email-key.js';

export interface BatchMember {
  email: string;
  /** Undefined when the service does not list the mailbox in the batch. */
  status?: UserStatus;
}

export interface ConversionRow {
  /** The batch's address of the mailbox (its CSV EmailAddress: the on-premises primary SMTP address). */
  emailAddress: string;
  /** The smtp: address in *.mail.onmicrosoft.com: the mail user's ExternalEmailAddress. */
  routingAddress: string;
  cloudLegacyExchangeDN: string;
  exchangeGuid: string;
  /** The cloud mailbox's other smtp: and X500: addresses, to keep on the mail user. */
  proxyAddresses: string[];
}

export type ConversionProblem =
  | { kind: 'not-synced'; email: string; status?: UserStatus }
  | { kind: 'no-cloud-mailbox'; email: string }
  | { kind: 'no-routing-address'; email: string }
  | { kind: 'unusable'; email: string; reason: string };

/** One spelling per address (DESIGN §3): NFC local part, IDNA-mapped domain, lower case. */
const addressKey = emailKey;

const ROUTING_DOMAIN = /\.mail\.onmicrosoft\.com$/i;

/** The batch's mailboxes: its CSV rows and whatever the service lists in it, with their status. */
export function batchMembers(batch: DesiredBatch, live: LiveState): BatchMember[] {
  const byKey = new Map<string, BatchMember>();
  const batchKey = nameKey(batch.name);
  for (const u of live.users) {
    if (nameKey(u.batch) === batchKey) byKey.set(addressKey(u.email), { email: u.email, status: u.status });
  }
  for (const u of batch.users) {
    const k = addressKey(u.email);
    if (!byKey.has(k)) byKey.set(k, { email: u.email });
  }
  return [...byKey.values()].sort((a, b) => compareText(addressKey(a.email), addressKey(b.email)));
}

export function notSynced(members: BatchMember[]): ConversionProblem[] {
  return members.filter((m) => m.status !== 'Synced').map((m) => ({ kind: 'not-synced', email: m.email, ...(m.status ? { status: m.status } : {}) }));
}

/** Splits "type:address"; a proxy without a prefix is SMTP. */
function splitProxy(proxy: string): { type: string; value: string } {
  const colon = proxy.indexOf(':');
  const at = proxy.indexOf('@');
  if (colon <= 0 || (at >= 0 && at < colon)) return { type: 'SMTP', value: proxy };
  return { type: proxy.slice(0, colon), value: proxy.slice(colon + 1) };
}

/**
 * The mailbox of each wanted address: the one whose primary address it is, else one that has it as a
 * secondary smtp address. One pass over the tenant's mailboxes; only wanted addresses are kept.
 */
function mailboxesFor(wanted: Set<string>, mailboxes: CloudMailbox[]): Map<string, CloudMailbox> {
  // Proxies are compared whole ("smtp:" + key): one lower-cased copy per proxy, no splitting (200,000
  // mailboxes have some 800,000 addresses).
  const wantedProxies = new Set([...wanted].map((k) => `smtp:${k}`));
  const byPrimary = new Map<string, CloudMailbox>();
  const bySecondary = new Map<string, CloudMailbox>();
  for (const m of mailboxes) {
    const primary = addressKey(m.primarySmtpAddress);
    if (wanted.has(primary)) byPrimary.set(primary, m);
    for (const p of m.emailAddresses) {
      const colon = p.indexOf(':');
      const at = p.indexOf('@');
      const k = colon <= 0 || (at >= 0 && at < colon) ? `smtp:${addressKey(p)}` : addressKey(p);
      if (wantedProxies.has(k) && !bySecondary.has(k)) bySecondary.set(k, m);
    }
  }
  for (const [k, m] of bySecondary) if (!byPrimary.has(k.slice(5))) byPrimary.set(k.slice(5), m);
  return byPrimary;
}

function rowFor(email: string, mailbox: CloudMailbox): ConversionRow | undefined {
  let routingAddress: string | undefined;
  const proxyAddresses: string[] = [];
  const own = addressKey(email);
  for (const p of mailbox.emailAddresses) {
    const { type, value } = splitProxy(p);
    const t = type.toLowerCase();
    if (t === 'smtp') {
      if (routingAddress === undefined && ROUTING_DOMAIN.test(value)) routingAddress = value;
      if (addressKey(value) !== own) proxyAddresses.push(`smtp:${value}`);
    } else if (t === 'x500') {
      proxyAddresses.push(`X500:${value}`);
    }
  }
  if (routingAddress === undefined) return undefined;
  return {
    emailAddress: email,
    routingAddress,
    cloudLegacyExchangeDN: mailbox.legacyExchangeDN,
    exchangeGuid: mailbox.exchangeGuid ?? '',
    proxyAddresses,
  };
}

// A data file line must stay one line, and the script names its saved files by ExchangeGuid: the
// service never returns anything else, so refuse rather than guess.
const CONTROL = /[\u0000-\u001f\u007f]/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function unusable(row: ConversionRow): string | undefined {
  if (!GUID.test(row.exchangeGuid)) return 'its cloud mailbox has no ExchangeGuid';
  const values = [row.emailAddress, row.routingAddress, row.cloudLegacyExchangeDN, ...row.proxyAddresses];
  if (values.some((v) => CONTROL.test(v))) return 'its cloud addresses hold control characters';
  return undefined;
}

/** A row per member, in address order; problems name every mailbox that cannot be converted. */
export function conversionRows(members: BatchMember[], mailboxes: CloudMailbox[]): { rows: ConversionRow[]; problems: ConversionProblem[] } {
  const index = mailboxesFor(new Set(members.map((m) => addressKey(m.email))), mailboxes);
  const rows: ConversionRow[] = [];
  const problems: ConversionProblem[] = [];
  for (const m of members) {
    const mailbox = index.get(addressKey(m.email));
    if (!mailbox) {
      problems.push({ kind: 'no-cloud-mailbox', email: m.email });
      continue;
    }
    const row = rowFor(m.email, mailbox);
    const reason = row ? unusable(row) : undefined;
    if (!row) problems.push({ kind: 'no-routing-address', email: m.email });
    else if (reason !== undefined) problems.push({ kind: 'unusable', email: m.email, reason });
    else rows.push(row);
  }
  return { rows, problems };
}
