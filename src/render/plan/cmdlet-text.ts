// A step as the PowerShell line a reviewer reads (values quoted as PowerShell literals, secrets as (sensitive)).
//
// Must not: reveal a secret or produce a line that PowerShell would parse differently from what is shown.
import { isCredentialRef, isCsvRef, plural, SENSITIVE_MASK } from '../../model/index.js';
import type { ParamValue, Step } from '../../model/index.js';
import { quotePs, quotePsArray } from '../runbook/powershell-quote.js';

/** Set-MgUserLicense -AddLicenses takes assignedLicense objects; a step holds their SkuIds. */
export const licenseObjects = (skuIds: readonly string[]): string => `@(${skuIds.map((id) => `@{SkuId=${quotePs(id)}}`).join(', ')})`;

function formatValue(v: ParamValue, name = ''): string {
  if (typeof v === 'string') return quotePs(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && name === 'AddLicenses') return licenseObjects(v);
  if (Array.isArray(v)) return v.length === 0 ? '@()' : quotePsArray(v);
  if (isCredentialRef(v)) return SENSITIVE_MASK;
  if (isCsvRef(v)) {
    const n = v.csv.emails.length;
    return `(${plural(n, 'row')} from ${quotePs(v.csv.file)})`;
  }
  return String(v);
}

/** The cmdlet line as a reviewer reads it; secrets are shown as (sensitive). */
export function formatStep(step: Step): string {
  const parts: string[] = [step.cmdlet];
  for (const [name, value] of step.parameters) {
    if (value === true) parts.push(`-${name}`);
    else if (value === false) parts.push(`-${name}:$false`);
    else parts.push(`-${name} ${formatValue(value, name)}`);
  }
  return parts.join(' ');
}
