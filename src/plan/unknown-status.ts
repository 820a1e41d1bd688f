// Read what the tenant returns (issue 8): a batch or migration user whose status is a value stagemig does
// not know is left alone. No step is planned for it, nor for what depends on it (its batch's replacement or
// removal, a move of its address); the plan says so and everything else plans as usual. Pure.
// Must not: do I/O, or give a step to a batch whose status is unknown.
import { batchAddress, plural } from '../model/index.js';
import type { DesiredBatch, UnknownLiveObject } from '../model/index.js';
import type { BatchDiff } from './diff-batch.js';

export const UNKNOWN_HINT =
  'Check the object in the Exchange admin center; plan again once the service shows a status stagemig knows (facts: MigrationBatchStatus, MigrationUserStatus), or report the value to the stagemig maintainers.';

/** The change of a YAML batch whose live batch has an unknown status: no step. */
export function unknownBatchDiff(b: DesiredBatch, o: UnknownLiveObject): BatchDiff {
  return {
    change: {
      address: batchAddress(b.name), type: 'batch', name: o.name, action: 'no-op', attributes: [], unknownStatus: o.status, waitsFor: 'unknown-status',
      notes: [`The service reports this batch's status as "${o.status}", which stagemig does not know: nothing is planned for the batch or its mailboxes until it shows a known status.`],
    },
    steps: [],
  };
}

/** Mailboxes of the YAML batch whose migration record has an unknown status: no step sends or moves them. */
export const unknownUsersNote = (n: number): string =>
  `${plural(n, 'mailbox has a migration record', 'mailboxes have migration records')} with a status stagemig does not know: nothing is planned for ${n === 1 ? 'it' : 'them'} until the service shows a known status.`;

/** A batch step that would touch every member (replace, remove) waits while a member's status is unknown. */
export const heldByUnknownUsersNote = (n: number, what: string): string =>
  `${what} waits: the batch holds ${plural(n, 'migration user', 'migration users')} with a status stagemig does not know, and the step would remove ${n === 1 ? 'its record' : 'their records'} too.`;
