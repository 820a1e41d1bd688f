// Drift of one endpoint: what changed in the service outside stagemig, against the last-applied record.
//
// Must not: do I/O or propose steps; pure.
import { endpointAddress } from '../model/index.js';
import type { AppliedEndpoint, DesiredEndpoint, LiveEndpoint } from '../model/index.js';
import { appliedEndpointOf, ENDPOINT_SETTINGS, sameSetting } from './applied-values.js';
import type { DriftItem } from './plan.js';

export interface ResourceDrift {
  items: DriftItem[];
  /** The YAML differs from what stagemig last applied (so differences are YAML changes). */
  yamlChanged: boolean;
}

/** Three-way comparison of one endpoint: YAML, last applied, live. */
export function endpointDrift(d: DesiredEndpoint, a: AppliedEndpoint | undefined, l: LiveEndpoint | undefined): ResourceDrift {
  if (!a) return { items: [], yamlChanged: true };
  const address = endpointAddress(d.name);
  const want = appliedEndpointOf(d);
  if (d.state === 'removed' || a.state === 'removed') {
    const items: DriftItem[] = [];
    if (d.state === 'removed' && a.state === 'removed' && l) {
      items.push({ address, kind: 'status', summary: 'was created again outside stagemig after stagemig removed it', expected: 'absent', actual: 'present' });
    }
    return { items, yamlChanged: d.state !== a.state };
  }
  const yamlChanged = ENDPOINT_SETTINGS.some((k) => !sameSetting(want[k], a[k]));
  if (!l) {
    return { items: [{ address, kind: 'missing', summary: 'was removed outside stagemig', expected: 'present', actual: 'absent' }], yamlChanged };
  }
  const items: DriftItem[] = [];
  for (const k of ENDPOINT_SETTINGS) {
    if (a[k] === undefined || sameSetting(a[k], l[k])) continue;
    if (!sameSetting(want[k], a[k])) continue; // the YAML changed it too: that is a YAML change
    items.push({ address, kind: 'setting', summary: `${k} was changed outside stagemig`, expected: a[k], actual: l[k] ?? null });
  }
  return { items, yamlChanged };
}
