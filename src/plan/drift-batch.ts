// Drift of one batch: what changed in the service outside stagemig, against the last-applied record.
//
// Must not: do I/O or propose steps (drift is reported; build-plan.ts decides); pure.
import { batchAddress, plural } from '../model/index.js';
import type { AppliedBatch, DesiredBatch, LiveBatch } from '../model/index.js';
import { sameEmails } from './applied-values.js';
import { statusMatches } from './converged.js';
import type { ResourceDrift } from './drift-endpoint.js';
import type { KeyedUser } from './plan-context.js';
import type { DriftItem } from './plan.js';

const mailboxes = (n: number): string => plural(n, 'mailbox', 'mailboxes');

/** The applied list (sorted, unique) holds exactly the wanted addresses. */
function sameMembers(wanted: ReadonlySet<string>, applied: readonly string[]): boolean {
  return wanted.size === applied.length && applied.every((u) => wanted.has(u));
}

/** Mailboxes that left or joined the batch behind stagemig's back (the YAML agreeing with the snapshot). */
function membershipDrift(address: string, wanted: ReadonlySet<string>, a: AppliedBatch, members: readonly KeyedUser[], batchOf: (email: string) => string | undefined): DriftItem[] {
  const live = new Set(members.filter((m) => m.user.status !== 'Removing').map((m) => m.key));
  const applied = new Set(a.users);
  const gone = a.users.filter((u) => wanted.has(u) && !live.has(u));
  const extra = [...live].filter((u) => !applied.has(u) && !wanted.has(u)).sort();
  const items: DriftItem[] = [];
  if (gone.length > 0) {
    const moved = gone.filter((u) => batchOf(u) !== undefined).length;
    const where = moved > 0 ? ` (${moved} now in another batch)` : '';
    items.push({ address, kind: 'membership', summary: `${mailboxes(gone.length)} removed from the batch outside stagemig${where}`, expected: gone, actual: null });
  }
  if (extra.length > 0) {
    items.push({ address, kind: 'membership', summary: `${mailboxes(extra.length)} added to the batch outside stagemig`, expected: null, actual: extra });
  }
  return items;
}

/** Three-way comparison of one batch: YAML, last applied, live. */
export function batchDrift(
  d: DesiredBatch, a: AppliedBatch | undefined, l: LiveBatch | undefined, members: readonly KeyedUser[],
  batchOf: (email: string) => string | undefined, desiredKeys: readonly string[],
): ResourceDrift {
  if (!a) return { items: [], yamlChanged: true };
  const address = batchAddress(d.name);
  const removed = d.state === 'removed';
  const wanted = new Set(removed ? [] : desiredKeys);
  const sameNotify = sameEmails(removed ? [] : d.notificationEmails, a.notificationEmails);
  const yamlChanged = d.state !== a.state || !sameNotify || !sameMembers(wanted, a.users);
  if (d.state === 'removed' || a.state === 'removed') {
    const back = d.state === 'removed' && a.state === 'removed' && !statusMatches('removed', l);
    const items: DriftItem[] = back
      ? [{ address, kind: 'status', summary: 'was created again outside stagemig after stagemig removed it', expected: 'removed', actual: l?.status ?? null }]
      : [];
    return { items, yamlChanged };
  }
  if (!l || l.status === 'Removing') {
    const summary = l ? 'is being removed: it was removed outside stagemig' : 'was removed outside stagemig';
    return { items: [{ address, kind: 'missing', summary, expected: a.state, actual: l?.status ?? 'absent' }], yamlChanged };
  }
  const items: DriftItem[] = [];
  if (d.state === a.state && !statusMatches(a.state, l)) {
    items.push({ address, kind: 'status', summary: `is ${l.status}; stagemig left it ${a.state}`, expected: a.state, actual: l.status });
  }
  if (sameNotify && !sameEmails(a.notificationEmails, l.notificationEmails)) {
    items.push({ address, kind: 'setting', summary: 'notificationEmails was changed outside stagemig', expected: a.notificationEmails, actual: l.notificationEmails });
  }
  items.push(...membershipDrift(address, wanted, a, members, batchOf));
  return { items, yamlChanged };
}
