// How long lists are shown in the plan views: in full up to a limit, summarised above it
// (`--full` lifts the limits in the terminal view).
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).

/** A per-mailbox list (or a run of per-mailbox cmdlets) longer than this is summarised. */
export const LIST_LIMIT = 20;

/**
 * Above this many resource changes, the terminal view leaves out the blocks whose whole story is
 * already in the per-batch table and the cmdlet list (new batches, plain membership updates).
 */
export const BLOCK_LIMIT = 20;

export interface ListOptions {
  /** --full: every mailbox, every block and every cmdlet. */
  full: boolean;
}
