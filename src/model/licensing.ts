// Licences (seed step 7) as Microsoft Graph shows them: the tenant's subscribed SKUs and, per user,
// the assigned licences, the creation time and the usage location (one bulk read of each).
//
// Must not: do I/O or import from src/ folders other than diag/.

export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
}

export interface CloudUser {
  /** The directory object id (Set-MgUserLicense -UserId). */
  id: string;
  userPrincipalName: string;
  mail?: string;
  /** With their prefix: SMTP:primary, smtp:other. */
  proxyAddresses: string[];
  /** ISO-8601 UTC. The 30-day grace for a licence counts from here. */
  createdDateTime?: string;
  usageLocation?: string;
  assignedSkuIds: string[];
}

export interface LicensingState {
  skus: SubscribedSku[];
  users: CloudUser[];
}

/** A mailbox without a licence is disabled when the grace period ends (seed step 7). */
export const LICENSE_GRACE_DAYS = 30;
/** `status` and `check` warn from this day of the grace period. */
export const LICENSE_WARN_DAY = 23;

/** Every address a cloud user answers to, lower-cased (UPN, mail, smtp proxy addresses). */
export function cloudUserAddresses(u: CloudUser): string[] {
  const out = new Set<string>([u.userPrincipalName.toLowerCase()]);
  if (u.mail) out.add(u.mail.toLowerCase());
  for (const p of u.proxyAddresses) if (/^smtp:/i.test(p)) out.add(p.slice(5).toLowerCase());
  return [...out];
}

/** Cloud users by each of their addresses. */
export function cloudUsersByAddress(users: readonly CloudUser[]): Map<string, CloudUser> {
  const map = new Map<string, CloudUser>();
  for (const u of users) for (const a of cloudUserAddresses(u)) if (!map.has(a)) map.set(a, u);
  return map;
}
