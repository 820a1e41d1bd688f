// Licences (seed step 7): a batch that declares `license` gets it assigned to each of its mailboxes
// once the mailbox is Synced (an Exchange licence on a mail user before its migration would make the
// service create a second mailbox). A usage location is set first where the user has none or another.
// Pure; per user at most Update-MgUser then Set-MgUserLicense. -UserId takes the user principal name
// (Graph addresses a user by id or UPN), so reviewers read who gets what.
// Must not: do I/O, or license a mailbox before it is Synced.
import { batchAddress, cloudUsersByAddress, nameKey } from '../model/index.js';
import type { CloudUser, DesiredBatch, LicensingState, Step, SubscribedSku } from '../model/index.js';
import { plural } from '../model/plural.js';
import type { PlanContext } from './plan-context.js';
import type { AttributeChange } from './plan.js';
import { DONE_USER } from './removal-gates.js';

export interface LicenseDiff {
  steps: Step[];
  attribute?: AttributeChange;
  notes: string[];
}

export function skuOf(licensing: LicensingState, partNumber: string): SubscribedSku | undefined {
  return licensing.skus.find((s) => s.skuPartNumber.toLowerCase() === partNumber.toLowerCase());
}

export function usageLocationStep(b: DesiredBatch, user: CloudUser, location: string): Step {
  return { address: batchAddress(b.name), action: 'set-usage-location', cmdlet: 'Update-MgUser', parameters: [['UserId', user.userPrincipalName], ['UsageLocation', location]] };
}

export function licenseStep(b: DesiredBatch, user: CloudUser, sku: SubscribedSku): Step {
  // -AddLicenses takes assignedLicense objects; a step holds their SkuIds (views and the bridge build @{SkuId=...}).
  return { address: batchAddress(b.name), action: 'assign-license', cmdlet: 'Set-MgUserLicense', parameters: [['UserId', user.userPrincipalName], ['AddLicenses', [sku.skuId]], ['RemoveLicenses', []]] };
}

export function diffLicenses(b: DesiredBatch, ctx: PlanContext, licensing: LicensingState | undefined, byAddress: Map<string, CloudUser>): LicenseDiff {
  const want = b.license;
  // A batch marked removed still licenses its mailboxes while it exists: the licence belongs to the user.
  if (!want || !licensing) return { steps: [], notes: [] };
  const sku = skuOf(licensing, want.skuPartNumber);
  if (!sku) return { steps: [], notes: [] }; // an error diagnostic says so (licenseDiagnostics)
  const members = ctx.liveUsersByBatch.get(nameKey(b.name)) ?? [];
  const steps: Step[] = [];
  let licensed = 0;
  let waiting = 0;
  const missing: string[] = [];
  for (const { key, user } of members) {
    const cloud = byAddress.get(key);
    if (!cloud) {
      missing.push(user.email);
      continue;
    }
    if (cloud.assignedSkuIds.some((id) => id.toLowerCase() === sku.skuId.toLowerCase())) {
      licensed++;
      continue;
    }
    if (!DONE_USER.has(user.status)) {
      waiting++;
      continue;
    }
    if (cloud.usageLocation?.toUpperCase() !== want.usageLocation) steps.push(usageLocationStep(b, cloud, want.usageLocation));
    steps.push(licenseStep(b, cloud, sku));
  }
  const assigning = steps.filter((s) => s.action === 'assign-license').length;
  const notes: string[] = [];
  if (waiting > 0) notes.push(`${plural(waiting, 'mailbox', 'mailboxes')} ${waiting === 1 ? 'gets' : 'get'} ${want.skuPartNumber} once Synced (a licence before the migration would create a second mailbox).`);
  if (missing.length > 0) notes.push(`${plural(missing.length, 'mailbox', 'mailboxes')} not found in the directory (Get-MgUser): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}.`);
  if (assigning === 0) return { steps, notes };
  return {
    steps, notes,
    attribute: { name: 'license', before: `${licensed} of ${members.length} licensed`, after: `${want.skuPartNumber} (${want.usageLocation}) for ${plural(assigning, 'more mailbox', 'more mailboxes')}` },
  };
}

export { cloudUsersByAddress };
