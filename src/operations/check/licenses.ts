// Check: licences of migrated mailboxes (seed step 7). A mailbox unlicensed from day 23 of the 30-day
// grace is a warning; past day 30 (the service disables it) a failure. Uses the journey's licence view.
// Licences are read only when a batch declares `license`; otherwise the check says it was not made.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import type { DesiredState, LicensingState, LiveState } from '../../model/index.js';
import { plural } from '../../model/plural.js';
import { buildJourney } from '../status/journey.js';
import type { LicensesNotRead } from '../licensing-read.js';
import type { CheckFinding, SkippedCheck } from './finding.js';

export function licenseFindings(desired: DesiredState, live: LiveState, licensing: LicensingState, now: Date): CheckFinding[] {
  const lic = buildJourney(desired, live, licensing, now).licenses!;
  const failed = lic.alerts.filter((a) => a.severity === 'failed');
  const warned = lic.alerts.filter((a) => a.severity === 'warning');
  const base = { check: 'licenses' as const, object: 'tenant', cmdlet: 'Get-MgUser -All -Property Id,UserPrincipalName,Mail,ProxyAddresses,AssignedLicenses,CreatedDateTime,UsageLocation' };
  const hint = 'Assign them now: declare `license` on their batches and run stagemig apply (or assign them in the admin center).';
  if (failed.length > 0) {
    return [{ ...base, status: 'failed', summary: `${plural(failed.length, 'migrated mailbox is', 'migrated mailboxes are')} unlicensed past the 30-day grace: the service disables them`, hint,
      addresses: { disabled: failed.map((a) => a.email).sort(), ...(warned.length ? { 'day 23 or later': warned.map((a) => a.email).sort() } : {}) } }];
  }
  if (warned.length > 0) {
    return [{ ...base, status: 'warning', summary: `${plural(warned.length, 'migrated mailbox is', 'migrated mailboxes are')} unlicensed on day 23 or later of the 30-day grace`, hint,
      addresses: { 'day 23 or later': warned.map((a) => a.email).sort() } }];
  }
  return [{ ...base, status: 'passed', summary: lic.unlicensed === 0 ? 'every migrated mailbox is licensed' : `${plural(lic.unlicensed, 'migrated mailbox is', 'migrated mailboxes are')} unlicensed, within the first 22 days of the grace` }];
}

/** Licences not read: not checked, and why (nothing is said about whether the mailboxes are licensed). */
export function licensesNotChecked(why: LicensesNotRead): SkippedCheck {
  if (why === 'no-graph') return { check: 'licenses', summary: 'this backend has no Microsoft Graph, so licences were not read' };
  return {
    check: 'licenses',
    summary: 'no batch declares `license`, so licences were not read (Microsoft Graph was not signed in to)',
    hint: 'Declare `license` on the batches to have stagemig assign and check them; until then check them in the admin center (the service disables an unlicensed migrated mailbox after 30 days).',
  };
}
