// The journey at a glance (`stagemig status`): each batch's phase on the seed's path (created,
// migrating, synced, converted, licensed, removed), what is next and what it waits for; the
// licence grace of migrated mailboxes (seed step 7); and, once every batch is removed, the
// post-migration steps of seed step 8. Pure except postMigration, which asks DNS.
// Must not: read the clock (`now` comes in), print, or ask DNS but through the DnsLookup it is given.
import { cloudUsersByAddress, LICENSE_GRACE_DAYS, LICENSE_WARN_DAY, nameKey, RUNNING_BATCH } from '../../model/index.js';
import type { DesiredBatch, DesiredState, LicensingState, LiveBatch, LiveState, LiveUser } from '../../model/index.js';
import { plural } from '../../model/plural.js';
import { DONE_USER, gateText, removalGates } from '../../plan/removal-gates.js';
import type { DnsLookup } from '../../backends/index.js';
import { autodiscoverPointing, mxPointing } from '../check/dns.js';
import type { LicensesNotRead } from '../licensing-read.js';

export type JourneyPhase = 'not created' | 'created' | 'migrating' | 'synced' | 'converted' | 'licensed' | 'removed';

export interface BatchJourney {
  name: string;
  phase: JourneyPhase;
  next: string;
  /** What the next step waits for, when something does. */
  waitingFor?: string;
}

export interface LicenseAlert {
  email: string;
  batch: string;
  /** Day of the 30-day grace (1 = the user's first day). */
  day: number;
  /** warning from day 23, failed after day 30 (the mailbox is disabled). */
  severity: 'warning' | 'failed';
}

export interface PostMigrationItem {
  step: string;
  state: 'done' | 'to do' | 'unknown';
  detail: string;
}

export interface Journey {
  batches: BatchJourney[];
  /** Undefined when licences were not read: `licensesNotRead` says why. */
  licenses?: { unlicensed: number; alerts: LicenseAlert[] };
  /** Why licences were not read (which says nothing about whether the mailboxes are licensed). */
  licensesNotRead?: LicensesNotRead;
  /** Every batch of the plan is removed: seed step 8 comes next. */
  allRemoved: boolean;
  post?: PostMigrationItem[];
}

const DAY = 86_400_000;

function phaseOf(b: DesiredBatch, live: LiveBatch | undefined, users: readonly LiveUser[], licensed: (u: LiveUser) => boolean | undefined): JourneyPhase {
  if (live?.status === 'Removing') return 'removed';
  if (!live) return b.state === 'removed' ? 'removed' : 'not created';
  if (live.status === 'Created' || live.status === 'Waiting' || (live.status === 'Stopped' && live.syncedCount === 0)) return 'created';
  const allSynced = users.length > 0 && users.every((u) => DONE_USER.has(u.status));
  if (RUNNING_BATCH.has(live.status) || !allSynced) return 'migrating';
  if (b.convertedAt === undefined) return 'synced';
  return users.every((u) => licensed(u) === true) ? 'licensed' : 'converted';
}

function nextFor(b: DesiredBatch, phase: JourneyPhase, users: readonly LiveUser[], ctx: { desired: DesiredState; now: Date; licensed: (u: LiveUser) => boolean | undefined; notRead?: LicensesNotRead }): Omit<BatchJourney, 'name' | 'phase'> {
  const synced = users.filter((u) => DONE_USER.has(u.status)).length;
  switch (phase) {
    case 'not created':
      return { next: 'stagemig apply creates it (seed step 4)' };
    case 'created':
      return b.state === 'stopped' ? { next: 'start it: set `state: started`, then stagemig apply' } : { next: 'the service starts it', waitingFor: 'its start (StartAfter) or stagemig apply' };
    case 'migrating':
      return { next: 'wait for the initial sync (stagemig status --watch)', waitingFor: `${synced} of ${plural(users.length, 'mailbox', 'mailboxes')} Synced` };
    case 'synced':
      return { next: `convert the on-premises mailboxes (seed step 5): stagemig convert ${'<plan>'} --batch ${b.name}, run the script on premises, then record \`convertedAt\`` };
    case 'converted': {
      const known = users.map(ctx.licensed);
      if (known.some((k) => k === undefined)) {
        return ctx.notRead === 'no-license-declared'
          ? { next: 'assign licences (seed step 7): declare `license` on the batch, or assign them yourself', waitingFor: 'licences not read (no batch declares `license`)' }
          : { next: 'assign licences (seed step 7)', waitingFor: 'licences could not be read' };
      }
      const done = known.filter((k) => k === true).length;
      return b.license
        ? { next: `assign ${b.license.skuPartNumber}: stagemig apply (seed step 7)`, waitingFor: `${done} of ${plural(users.length, 'mailbox', 'mailboxes')} licensed` }
        : { next: 'assign licences (seed step 7): declare `license` on the batch, or assign them yourself', waitingFor: `${done} of ${plural(users.length, 'mailbox', 'mailboxes')} licensed` };
    }
    case 'licensed': {
      if (b.state !== 'removed') return { next: 'remove the batch (seed step 6): set `state: removed`, then stagemig apply' };
      const closed = removalGates(b, users, ctx.desired.cutover, ctx.now).filter((g) => !g.open);
      return closed.length === 0
        ? { next: 'stagemig apply removes it' }
        : { next: 'stagemig apply removes it once the gates open', waitingFor: closed.map(gateText).join('; ') };
    }
    case 'removed':
      return { next: 'nothing: the batch is removed' };
  }
}

function licenseAlerts(desired: DesiredState, live: LiveState, licensing: LicensingState, now: Date): { unlicensed: number; alerts: LicenseAlert[] } {
  const planned = new Set(desired.batches.map((b) => nameKey(b.name)));
  const byAddress = cloudUsersByAddress(licensing.users);
  const alerts: LicenseAlert[] = [];
  let unlicensed = 0;
  for (const u of live.users) {
    // Only migrated mailboxes count: a mail user still waiting for its migration must stay unlicensed.
    if (!planned.has(nameKey(u.batch)) || !DONE_USER.has(u.status)) continue;
    const cloud = byAddress.get(u.email.toLowerCase());
    if (!cloud || cloud.assignedSkuIds.length > 0) continue;
    unlicensed++;
    if (cloud.createdDateTime === undefined) continue;
    const day = Math.floor((now.getTime() - Date.parse(cloud.createdDateTime)) / DAY) + 1;
    if (day >= LICENSE_WARN_DAY) alerts.push({ email: u.email, batch: u.batch, day, severity: day > LICENSE_GRACE_DAYS ? 'failed' : 'warning' });
  }
  alerts.sort((a, b) => b.day - a.day || (a.email < b.email ? -1 : 1));
  return { unlicensed, alerts };
}

/** `notRead`: why `licensing` is undefined. */
export function buildJourney(desired: DesiredState, live: LiveState, licensing: LicensingState | undefined, now: Date, notRead: LicensesNotRead = 'no-graph'): Journey {
  const liveBatches = new Map(live.batches.map((b) => [nameKey(b.name), b]));
  const members = new Map<string, LiveUser[]>();
  for (const u of live.users) {
    const list = members.get(nameKey(u.batch));
    if (list) list.push(u);
    else members.set(nameKey(u.batch), [u]);
  }
  const byAddress = licensing ? cloudUsersByAddress(licensing.users) : undefined;
  const licensed = (u: LiveUser): boolean | undefined => {
    if (!byAddress) return undefined;
    return (byAddress.get(u.email.toLowerCase())?.assignedSkuIds.length ?? 0) > 0;
  };
  const batches = desired.batches.map((b): BatchJourney => {
    const users = members.get(nameKey(b.name)) ?? [];
    const phase = phaseOf(b, liveBatches.get(nameKey(b.name)), users, licensed);
    return { name: b.name, phase, ...nextFor(b, phase, users, { desired, now, licensed, notRead }) };
  });
  const journey: Journey = { batches, allRemoved: batches.length > 0 && batches.every((b) => b.phase === 'removed') };
  if (licensing) journey.licenses = licenseAlerts(desired, live, licensing, now);
  else journey.licensesNotRead = notRead;
  return journey;
}

/** The domains of the plan's mailboxes: the namespaces whose MX and Autodiscover move at the end. */
export function planDomains(desired: DesiredState): string[] {
  const out = new Set<string>();
  for (const b of desired.batches) for (const u of b.users) out.add(u.email.slice(u.email.lastIndexOf('@') + 1).toLowerCase());
  return [...out].sort();
}

/** The answer, or `failed` when the lookup itself failed. */
async function safely<T>(f: () => Promise<T>): Promise<{ value: T } | 'failed'> {
  try {
    return { value: await f() };
  } catch {
    return 'failed';
  }
}

/** Seed step 8, checked where DNS can tell (as `stagemig check` reads it). */
export async function postMigration(desired: DesiredState, live: LiveState, dns: DnsLookup): Promise<PostMigrationItem[]> {
  const items: PostMigrationItem[] = [];
  for (const domain of planDomains(desired)) {
    const ad = await safely(() => dns.autodiscover(domain));
    items.push(ad === 'failed'
      ? { step: `Autodiscover for ${domain}`, state: 'unknown', detail: `CNAME autodiscover.${domain} → autodiscover.outlook.com (DNS lookup failed)` }
      : { step: `Autodiscover for ${domain}`, state: autodiscoverPointing(ad.value) === 'microsoft365' ? 'done' : 'to do', detail: `CNAME autodiscover.${domain} → autodiscover.outlook.com (now: ${ad.value ?? 'no record'})` });
    const mx = await safely(() => dns.mx(domain));
    items.push(mx === 'failed'
      ? { step: `MX for ${domain}`, state: 'unknown', detail: 'MX → <domain-key>.mail.protection.outlook.com (DNS lookup failed)' }
      : { step: `MX for ${domain}`, state: mxPointing(mx.value) === 'microsoft365' ? 'done' : 'to do', detail: `MX → <domain-key>.mail.protection.outlook.com (now: ${mx.value.join(', ') || 'no record'})` });
  }
  const endpoints = live.endpoints.map((e) => e.name);
  items.push({
    step: 'Migration endpoints', state: endpoints.length === 0 ? 'done' : 'to do',
    detail: endpoints.length === 0 ? 'none left' : `set \`state: removed\` on ${endpoints.join(', ')}, then stagemig apply`,
  });
  items.push({ step: 'Decommission on-premises Exchange', state: 'unknown', detail: 'once all mail reaches Microsoft 365 directly: uninstall Exchange and remove the organization (stagemig cannot see it)' });
  return items;
}
