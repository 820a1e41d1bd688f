// Check 2: every CSV address classified against one bulk read of the cloud's recipients. A staged
// migration needs each address to exist as a mail user (created by directory sync); provisioning then
// turns it into a mailbox. Pure: the recipients and the live migration users in, findings out.
// Must not: call the service (the one Get-Recipient read comes in) or print.
import type { CloudRecipient } from '../../backends/index.js';
import { batchAddress, nameKey, type DesiredBatch, type LiveState } from '../../model/index.js';
import { plural } from '../../model/index.js';
import { emailKey } from '../../model/email-key.js';
import type { CheckFinding } from './finding.js';

/** Categories in report order; only `ready` and `migrated` pass. */
export const RECIPIENT_CATEGORIES = ['ready', 'migrated', 'missing', 'mailbox', 'contact', 'group', 'other'] as const;
export type RecipientCategory = (typeof RECIPIENT_CATEGORIES)[number];

const LABEL: Record<RecipientCategory, (n: number) => string> = {
  ready: (n) => `${plural(n, 'mail user')} ready`,
  migrated: (n) => `${n.toLocaleString('en-US')} already migrated by this batch`,
  missing: (n) => `${n.toLocaleString('en-US')} missing (directory sync has not created ${n === 1 ? 'it' : 'them'})`,
  mailbox: (n) => `${n.toLocaleString('en-US')} already ${n === 1 ? 'a mailbox' : 'mailboxes'} in the cloud`,
  contact: (n) => `${n.toLocaleString('en-US')} held by a mail contact`,
  group: (n) => `${n.toLocaleString('en-US')} held by a group`,
  other: (n) => `${n.toLocaleString('en-US')} held by another kind of recipient`,
};

const HINTS: Partial<Record<RecipientCategory, string>> = {
  missing: 'Let directory sync create these users in Microsoft 365 (check the sync scope and its errors), then run check again.',
  mailbox: 'A mailbox that already exists in the cloud cannot be migrated by a staged batch: take it out of the CSV, or remove the cloud mailbox if it was created by mistake.',
  contact: 'A contact in the cloud holds the address: remove the contact (or its address) so that directory sync can create the mail user.',
  group: 'A group in the cloud holds the address: remove the address from the group so that directory sync can create the mail user.',
  other: 'Another cloud recipient holds the address: free the address so that directory sync can create the mail user.',
};

function categoryOf(type: string): RecipientCategory {
  if (type === 'MailUser') return 'ready';
  if (type === 'MailContact') return 'contact';
  if (/group/i.test(type)) return 'group';
  if (/mailbox$/i.test(type)) return 'mailbox';
  return 'other';
}

/** Address key (emailKey) → the recipient holding it, from one Get-Recipient read. */
export function recipientIndex(recipients: readonly CloudRecipient[]): Map<string, CloudRecipient> {
  const index = new Map<string, CloudRecipient>();
  for (const r of recipients) {
    for (const a of r.smtpAddresses) {
      const k = emailKey(a);
      if (!index.has(k)) index.set(k, r);
    }
  }
  return index;
}

function batchFinding(batch: DesiredBatch, index: Map<string, CloudRecipient>, migratedHere: Set<string>): CheckFinding {
  const buckets = new Map<RecipientCategory, string[]>();
  for (const u of batch.users) {
    const a = emailKey(u.email);
    const r = index.get(a);
    let c: RecipientCategory = r === undefined ? 'missing' : categoryOf(r.recipientTypeDetails);
    if (c === 'mailbox' && migratedHere.has(a)) c = 'migrated';
    const list = buckets.get(c);
    if (list) list.push(u.email);
    else buckets.set(c, [u.email]);
  }
  const counts: Record<string, number> = {};
  const addresses: Record<string, string[]> = {};
  for (const c of RECIPIENT_CATEGORIES) {
    const list = buckets.get(c);
    if (!list) continue;
    counts[c] = list.length;
    if (c !== 'ready' && c !== 'migrated') addresses[c] = [...list].sort();
  }
  const parts = RECIPIENT_CATEGORIES.filter((c) => counts[c]).map((c) => LABEL[c](counts[c]!));
  const bad = Object.keys(addresses) as RecipientCategory[];
  const object = batchAddress(batch.name);
  const total = plural(batch.users.length, 'address', 'addresses');
  if (bad.length === 0) return { check: 'recipients', object, status: 'passed', summary: `${total}: ${parts.join(', ') || 'none'}.`, counts };
  return {
    check: 'recipients', object, status: 'failed',
    summary: `${total}: ${parts.join(', ')}`,
    hint: bad.map((c) => HINTS[c]!).join(' '),
    counts, addresses,
  };
}

export function recipientFindings(batches: readonly DesiredBatch[], recipients: readonly CloudRecipient[], live: LiveState): CheckFinding[] {
  const index = recipientIndex(recipients);
  const migrated = new Map<string, Set<string>>();
  for (const u of live.users) {
    const k = nameKey(u.batch);
    let set = migrated.get(k);
    if (!set) migrated.set(k, (set = new Set()));
    set.add(emailKey(u.email));
  }
  return batches
    .filter((b) => b.state !== 'removed')
    .map((b) => batchFinding(b, index, migrated.get(nameKey(b.name)) ?? new Set()));
}
