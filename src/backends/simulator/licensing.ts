// Licences in the simulated tenant (seed step 7): a few subscribed SKUs, one directory user per
// migration user (directory sync created it before the batch; the simulator dates it at the batch's
// creation, which is never later than the truth), Update-MgUser -UsageLocation and Set-MgUserLicense.
// A provisioned mailbox that stays unlicensed more than 30 days after its user was created is disabled.
// Must not: print or read the host's clock: the grace period runs on the simulated clock in the state.
import { createHash } from 'node:crypto';
import { LICENSE_GRACE_DAYS, type CloudUser, type LicensingState, type SubscribedSku, type WireValue } from '../../model/index.js';
import { Params, refuse } from './params.js';
import { ms, type SimState, type SimUser } from './state.js';

/** The tenant's subscriptions (public SKU ids of Microsoft 365 plans). */
export const SIM_SKUS: readonly SubscribedSku[] = [
  { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK' },
  { skuId: '4b9405b0-7788-4568-add1-99614e613b69', skuPartNumber: 'EXCHANGESTANDARD' },
  { skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', skuPartNumber: 'SPE_E3' },
];

const DAY = 86_400_000;

export interface SimLicense {
  usageLocation?: string;
  skuIds: string[];
}

/** Deterministic directory object id for an address. */
export function userObjectId(email: string): string {
  const h = createHash('sha256').update(`user:${email.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function createdAt(state: SimState, u: SimUser): string | undefined {
  return state.batches.find((b) => b.name.toLowerCase() === u.batch.toLowerCase())?.creationDateTime;
}

/** True when the mailbox was provisioned and has had no licence for more than the grace period. */
export function mailboxDisabled(state: SimState, u: SimUser): boolean {
  if (!u.provisioned) return false;
  const lic = state.licenses?.[u.email.toLowerCase()];
  if (lic && lic.skuIds.length > 0) return false;
  const created = createdAt(state, u);
  return created !== undefined && ms(state.now) > ms(created) + LICENSE_GRACE_DAYS * DAY;
}

export function readLicensing(state: SimState | undefined): LicensingState {
  if (!state) return { skus: [...SIM_SKUS], users: [] };
  const users = state.users.map((u): CloudUser => {
    const lic = state.licenses?.[u.email.toLowerCase()];
    const out: CloudUser = {
      id: userObjectId(u.email), userPrincipalName: u.email, mail: u.email, proxyAddresses: [`SMTP:${u.email}`],
      assignedSkuIds: [...(lic?.skuIds ?? [])],
    };
    const created = createdAt(state, u);
    if (created !== undefined) out.createdDateTime = created;
    if (lic?.usageLocation !== undefined) out.usageLocation = lic.usageLocation;
    return out;
  });
  users.sort((a, b) => (a.userPrincipalName.toLowerCase() < b.userPrincipalName.toLowerCase() ? -1 : 1));
  return { skus: [...SIM_SKUS], users };
}

function userById(state: SimState, id: string): SimUser {
  const key = id.toLowerCase();
  const u = state.users.find((x) => userObjectId(x.email) === key || x.email.toLowerCase() === key);
  return u ?? refuse(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** Update-MgUser -UserId <id> -UsageLocation <XX> (the only property the simulator keeps). */
export function updateMgUser(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, ['UserId', 'UsageLocation']);
  p.required('UserId');
  const u = userById(state, p.string('UserId')!);
  const location = p.string('UsageLocation');
  if (location !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(location)) refuse(`Invalid value specified for property 'usageLocation' of resource 'User'.`);
    state.licenses ??= {};
    const lic = (state.licenses[u.email.toLowerCase()] ??= { skuIds: [] });
    lic.usageLocation = location.toUpperCase();
  }
  return [];
}

/** Set-MgUserLicense -UserId <id> -AddLicenses <skuIds> -RemoveLicenses <skuIds>. */
export function setMgUserLicense(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, ['UserId', 'AddLicenses', 'RemoveLicenses']);
  p.required('UserId');
  const u = userById(state, p.string('UserId')!);
  const add = p.strings('AddLicenses') ?? [];
  const remove = p.strings('RemoveLicenses') ?? [];
  const lic = state.licenses?.[u.email.toLowerCase()];
  if (add.length > 0 && lic?.usageLocation === undefined) {
    refuse('License assignment cannot be done for user with invalid usage location.');
  }
  for (const id of add) if (!SIM_SKUS.some((s) => s.skuId === id.toLowerCase())) refuse(`License ${id} does not correspond to a valid company License.`);
  state.licenses ??= {};
  const entry = (state.licenses[u.email.toLowerCase()] ??= { skuIds: [] });
  const next = new Set(entry.skuIds);
  for (const id of add) next.add(id.toLowerCase());
  for (const id of remove) next.delete(id.toLowerCase());
  entry.skuIds = [...next].sort();
  return [];
}
