// The first difference between the steps a saved plan holds and the steps its inputs give.
//
// Must not: print, or let a saved plan run whose inputs or live service changed since it was made.
import type { Step } from '../../model/index.js';

const same = (a: Step, b: Step): boolean => JSON.stringify(a) === JSON.stringify(b);
const label = (s: Step): string => `${s.cmdlet} for ${s.address}`;

/** undefined when the lists are equal, else a sentence naming the first step that differs. */
export function describeStepDifference(saved: readonly Step[], derived: readonly Step[]): string | undefined {
  const n = Math.max(saved.length, derived.length);
  for (let i = 0; i < n; i++) {
    const s = saved[i];
    const d = derived[i];
    if (s && d && same(s, d)) continue;
    if (s && d) {
      return label(s) === label(d)
        ? `Step ${i + 1} (${label(s)}) has other parameters than the inputs give.`
        : `Step ${i + 1} is ${label(s)} in the file, but ${label(d)} from the inputs.`;
    }
    if (s) return `Step ${i + 1} (${label(s)}) is not one the inputs give (the file has ${saved.length} steps, the inputs ${derived.length}).`;
    return `The file has ${saved.length} steps; the inputs give ${derived.length}.`;
  }
  return undefined;
}
