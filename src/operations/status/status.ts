// `stagemig status` as a use case: load the plan, open its backend, and read the service once (or, with
// --watch, again at an interval until Ctrl-C), handing each reading to the command's view: the live
// state at the service's time, the sync-rate estimates and the journey (phases, licences, seed step 8).
//
// Must not: print, format or clear the screen (render/status/status-output.ts does), or change the
// service: every read goes through Backend.readLive() and the journey's read-only calls.
import { batchProgress } from '../../apply/wait-progress.js';
import { createProgressRows, type Estimates } from '../../apply/progress-rows.js';
import { displayPath } from '../../config/index.js';
import { error, StagemigError, type Diagnostic } from '../../diag/index.js';
import { nameKey, type DesiredState, type LiveState } from '../../model/index.js';
import { batchNamed } from '../batch-option.js';
import type { Host } from '../host.js';
import type { Journey } from './journey.js';
import { loadDesired } from '../load-desired.js';
import { withBackend } from '../open-backend.js';
import { createPauser } from '../pause.js';
import { journeyFailed, readJourney } from './status-journey.js';

export const DEFAULT_STATUS_INTERVAL_MS = 30_000;

export interface StatusArgs {
  planPath: string;
  /** --users: one line per mailbox of every batch. */
  allUsers: boolean;
  /** --batch NAME (checked against the plan). */
  batch?: string;
  /** --watch: read again every intervalMs until Ctrl-C. */
  watch?: { intervalMs: number };
  /** A report format (markdown, html) is one reading: --watch with it is refused. */
  reportFormat?: string;
}

/** One read of the service, with what the views need to show it. */
export interface StatusReading {
  desired: DesiredState;
  live: LiveState;
  /** The service's time (the simulated clock on the simulator). */
  observedAt: Date;
  /** The wall clock when read (--watch's heartbeat runs on it). */
  readAt: Date;
  /** Per-batch and total progress with estimates from the sync rate over the readings so far. */
  estimates: Estimates;
  journey: Journey;
  /** --batch: the plan's spelling of the batch. */
  onlyBatch?: string;
  allUsers: boolean;
  /** The plan file as the user sees it. */
  planFileShown: string;
  /** A migrated mailbox is unlicensed past the 30-day grace (seed step 7): status exits 1. */
  failed: boolean;
}

export interface StatusEvents {
  /** The plan loaded with these warnings (called once, before the first reading). */
  loaded: (warnings: readonly Diagnostic[]) => void;
  reading: (r: StatusReading) => void;
}

export interface StatusResult {
  /** The last reading failed (see StatusReading.failed); a --watch ended by Ctrl-C never fails. */
  failed: boolean;
}

function refuseWatchedReport(args: StatusArgs): void {
  if (!args.watch || args.reportFormat === undefined) return;
  const format = args.reportFormat;
  throw new StagemigError([error('USAGE', `--watch prints to a terminal or a log; --format ${format} is a report of one reading`, {
    hint: `Run \`stagemig status <plan> --format ${format}\` whenever a fresh report is wanted (e.g. on a schedule), or use --watch with --format human or json.`,
  })]);
}

export async function runStatus(host: Host, args: StatusArgs, events: StatusEvents): Promise<StatusResult> {
  const { desired, warnings } = await loadDesired(host, args.planPath);
  events.loaded(warnings);
  refuseWatchedReport(args);
  const onlyBatch = args.batch === undefined ? undefined : batchNamed(desired, args.batch).name;
  const planFileShown = displayPath(desired.planFile, host.cwd);
  const estimate = createProgressRows();
  return withBackend(host, desired, async (backend) => {
    const read = async (): Promise<StatusReading> => {
      const live = await backend.readLive();
      const observedAt = backend.clock ? await backend.clock.now() : host.clock.now();
      const progress = batchProgress(desired, live).filter((p) => onlyBatch === undefined || nameKey(p.name) === nameKey(onlyBatch));
      const journey = await readJourney(desired, live, backend, observedAt);
      return {
        desired, live, observedAt, readAt: host.clock.now(), estimates: estimate(progress, observedAt.getTime()), journey,
        allUsers: args.allUsers, planFileShown, failed: journeyFailed(journey), ...(onlyBatch !== undefined ? { onlyBatch } : {}),
      };
    };
    if (!args.watch) {
      const reading = await read();
      events.reading(reading);
      return { failed: reading.failed };
    }
    const pauser = createPauser(host);
    try {
      do events.reading(await read());
      while (await pauser.pause(args.watch.intervalMs));
    } finally {
      pauser.done();
    }
    return { failed: false };
  });
}
