// Per-mailbox cmdlets (one Remove-MigrationUser per removed mailbox) come in long runs; the views
// show a run as its first cmdlet and one line that counts the rest.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { count } from '../../model/index.js';
import type { JsonStep } from './json-plan-types.js';

const PER_MAILBOX: ReadonlySet<string> = new Set(['remove-user']);

export type CmdletEntry =
  | { kind: 'step'; step: JsonStep }
  /** The rest of a run, after its first step (shown as a step entry). */
  | { kind: 'more'; cmdlet: string; address: string; count: number; from: number; to: number };

/** Steps in order; a run of more than `limit` consecutive per-mailbox steps of one resource is cut after its first. */
export function cmdletEntries(steps: readonly JsonStep[], limit: number): CmdletEntry[] {
  const out: CmdletEntry[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    let j = i;
    if (PER_MAILBOX.has(s.action)) {
      while (steps[j + 1]?.action === s.action && steps[j + 1]?.address === s.address) j++;
    }
    if (j - i + 1 <= limit) {
      for (let k = i; k <= j; k++) out.push({ kind: 'step', step: steps[k]! });
    } else {
      out.push({ kind: 'step', step: s });
      out.push({ kind: 'more', cmdlet: s.cmdlet, address: s.address, count: j - i, from: steps[i + 1]!.index, to: steps[j]!.index });
    }
    i = j;
  }
  return out;
}

/** "… and 245 more Remove-MigrationUser, one per mailbox removed from batch.W (steps 13–257)". */
export const moreText = (e: Extract<CmdletEntry, { kind: 'more' }>): string =>
  `… and ${count(e.count)} more ${e.cmdlet}, one per mailbox removed from ${e.address} (steps ${e.from}–${e.to})`;
