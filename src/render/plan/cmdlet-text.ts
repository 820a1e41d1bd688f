import { isCredentialRef, isCsvRef, SENSITIVE_MASK } from '../../model/index.js';
import type { ParamValue, Step } from '../../model/index.js';
import { quotePs, quotePsArray } from '../runbook/powershell-quote.js';

function formatValue(v: ParamValue): string {
  if (typeof v === 'string') return quotePs(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return quotePsArray(v);
  if (isCredentialRef(v)) return SENSITIVE_MASK;
  if (isCsvRef(v)) {
    const n = v.csv.emails.length;
    return `(${n} row${n === 1 ? '' : 's'} from ${quotePs(v.csv.file)})`;
  }
  return String(v);
}

/** The cmdlet line as a reviewer reads it; secrets are shown as (sensitive). */
export function formatStep(step: Step): string {
  const parts: string[] = [step.cmdlet];
  for (const [name, value] of step.parameters) {
    if (value === true) parts.push(`-${name}`);
    else if (value === false) parts.push(`-${name}:$false`);
    else parts.push(`-${name} ${formatValue(value)}`);
  }
  return parts.join(' ');
}
