// The bridge's projections of Get-MgSubscribedSku and Get-MgUser → LicensingState. Anything unexpected is
// an error, never "absent".
// Must not: call Graph (the session reads; this only maps), or skip a user or SKU it cannot read: LiveShapeError names it.
import { compareText, type CloudUser, type LicensingState, type SubscribedSku } from '../../model/index.js';
import { objects, optText, text, texts } from './live-map.js';

export function mapSkus(raw: unknown): SubscribedSku[] {
  const what = 'Get-MgSubscribedSku';
  return objects(raw, what)
    .map((o): SubscribedSku => ({ skuId: text(o, 'skuId', what).toLowerCase(), skuPartNumber: text(o, 'skuPartNumber', what) }))
    .sort((a, b) => compareText(a.skuPartNumber, b.skuPartNumber));
}

export function mapCloudUsers(raw: unknown): CloudUser[] {
  const what = 'Get-MgUser';
  return objects(raw, what)
    .map((o): CloudUser => {
      const u: CloudUser = {
        id: text(o, 'id', what),
        userPrincipalName: text(o, 'userPrincipalName', what),
        proxyAddresses: texts(o, 'proxyAddresses', what),
        assignedSkuIds: texts(o, 'assignedSkuIds', what).map((id) => id.toLowerCase()),
      };
      const mail = optText(o, 'mail', what);
      if (mail !== undefined) u.mail = mail;
      const created = optText(o, 'createdDateTime', what);
      if (created !== undefined) u.createdDateTime = created;
      const location = optText(o, 'usageLocation', what);
      if (location !== undefined) u.usageLocation = location;
      return u;
    })
    .sort((a, b) => compareText(a.userPrincipalName.toLowerCase(), b.userPrincipalName.toLowerCase()));
}

export function mapLicensing(skus: unknown, users: unknown): LicensingState {
  return { skus: mapSkus(skus), users: mapCloudUsers(users) };
}
