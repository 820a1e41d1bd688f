// Pure: live state → a fingerprint per address, and the differences between two fingerprints.
// Must not: do I/O, or depend on the order the service lists objects in (addresses and members are sorted).
import { createHash } from 'node:crypto';
import { batchAddress, compareText, endpointAddress, nameKey } from '../../model/index.js';
import type { LiveState } from '../../model/index.js';
import type { BatchFingerprint, EndpointFingerprint, LiveFingerprint } from './format.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function endpointFingerprint(e: LiveState['endpoints'][number]): EndpointFingerprint {
  return {
    type: 'endpoint',
    settings: {
      type: e.type, autodiscover: e.autodiscover, exchangeServer: e.exchangeServer ?? null, rpcProxyServer: e.rpcProxyServer ?? null,
      username: e.username ?? null, authentication: e.authentication ?? null,
      maxConcurrentMigrations: e.maxConcurrentMigrations ?? null, maxConcurrentIncrementalSyncs: e.maxConcurrentIncrementalSyncs ?? null,
    },
  };
}

/** One pass over the users (200,000 of them cost a few hundred milliseconds at most). */
export function fingerprintLive(live: LiveState): Record<string, LiveFingerprint> {
  const members = new Map<string, string[]>();
  for (const u of live.users) {
    const key = nameKey(u.batch);
    const list = members.get(key);
    if (list) list.push(u.email.toLowerCase());
    else members.set(key, [u.email.toLowerCase()]);
  }
  const out: Array<[string, LiveFingerprint]> = [];
  for (const e of live.endpoints) out.push([endpointAddress(e.name), endpointFingerprint(e)]);
  for (const b of live.batches) {
    const emails = (members.get(nameKey(b.name)) ?? []).sort(compareText);
    const fp: BatchFingerprint = {
      type: 'batch', status: b.status, endpoint: b.endpoint ?? null,
      notification_emails: b.notificationEmails.map((x) => x.toLowerCase()).sort(compareText),
      pending: b.pendingCount, mailboxes: emails.length, members_sha256: sha256(emails.join('\n')),
    };
    out.push([batchAddress(b.name), fp]);
  }
  return Object.fromEntries(out.sort((a, b) => compareText(a[0], b[0])));
}

export interface LiveDifference {
  address: string;
  /** What changed, e.g. "status Syncing → Stopped" or "no longer exists". */
  what: string;
}

const show = (v: unknown): string => (v === null ? '(unset)' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function fieldChanges(before: LiveFingerprint, now: LiveFingerprint): string[] {
  if (before.type === 'endpoint' && now.type === 'endpoint') {
    const keys = new Set([...Object.keys(before.settings), ...Object.keys(now.settings)]);
    return [...keys].filter((k) => before.settings[k] !== now.settings[k])
      .map((k) => `${k} ${show(before.settings[k] ?? null)} → ${show(now.settings[k] ?? null)}`);
  }
  if (before.type !== 'batch' || now.type !== 'batch') return ['object type changed'];
  const out: string[] = [];
  if (before.status !== now.status) out.push(`status ${before.status} → ${now.status}`);
  if (before.endpoint !== now.endpoint) out.push(`endpoint ${show(before.endpoint)} → ${show(now.endpoint)}`);
  if (before.notification_emails.join('\n') !== now.notification_emails.join('\n')) {
    out.push(`notification emails ${show(before.notification_emails)} → ${show(now.notification_emails)}`);
  }
  if (before.pending !== now.pending) out.push(`pending mailboxes ${before.pending} → ${now.pending}`);
  if (before.members_sha256 !== now.members_sha256) out.push(`mailboxes changed (${before.mailboxes} → ${now.mailboxes})`);
  return out;
}

/** Differences by address, sorted: objects that changed, disappeared or appeared since the plan. */
export function compareFingerprints(saved: Record<string, LiveFingerprint>, now: Record<string, LiveFingerprint>): LiveDifference[] {
  const addresses = [...new Set([...Object.keys(saved), ...Object.keys(now)])].sort(compareText);
  const out: LiveDifference[] = [];
  for (const address of addresses) {
    const a = saved[address];
    const b = now[address];
    if (a && !b) out.push({ address, what: 'no longer exists' });
    else if (!a && b) out.push({ address, what: 'appeared in the migration service' });
    else if (a && b) {
      const changes = fieldChanges(a, b);
      if (changes.length > 0) out.push({ address, what: changes.join('; ') });
    }
  }
  return out;
}
