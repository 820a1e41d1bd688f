// The one order steps run in (DESIGN §4): phase first, then address, then the first parameter.
//
// Must not: depend on input order: the same plan always gives the same steps in the same order.
import { compareText } from '../model/index.js';
import type { Step, StepAction } from '../model/index.js';

/** DESIGN §4: the phase each kind of step runs in. */
const PHASE: Record<StepAction, number> = {
  'new-endpoint': 0,
  'set-endpoint': 0,
  'new-batch': 1,
  'remove-user': 2,
  'add-users': 3,
  'set-batch': 4,
  'start-batch': 5,
  'stop-batch': 5,
  // Licences (seed step 7): the usage location first, then the licence, per user.
  'set-usage-location': 5.1,
  'assign-license': 5.2,
  'remove-batch': 6,
  'remove-endpoint': 7,
};

const firstString = (s: Step): string => {
  const v = s.parameters[0]?.[1];
  return typeof v === 'string' ? v.toLowerCase() : '';
};

/** Phase first, then address, then the first parameter (the user of a Remove-MigrationUser). */
export function orderSteps(steps: readonly Step[]): Step[] {
  return [...steps].sort(
    (a, b) =>
      PHASE[a.action] - PHASE[b.action] ||
      compareText(a.address, b.address) ||
      compareText(firstString(a), firstString(b)),
  );
}
