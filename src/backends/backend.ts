// The one interface to the migration service that every backend implements (simulator, exchange-online):
// read the live state, run one cmdlet, and the optional reads check, status and convert need.
//
// Must not: hold behaviour; it is types only.
import type { CloudMailbox, Invocation, LicensingState, LiveState } from '../model/index.js';
import type { PreflightReads } from './preflight.js';

export type RunResult = { ok: true; warnings: string[] } | { ok: false; error: string };

/**
 * Time on a simulated service (the simulator). `apply --wait` moves it forward instead of sleeping, and
 * `status` measures elapsed times against it; a real service has no such capability.
 */
export interface SimulatedClock {
  /** The service's current time. */
  now(): Promise<Date>;
  /** Milliseconds until the service next changes by itself, or undefined when nothing is scheduled. */
  nextChangeIn(): Promise<number | undefined>;
  /** Moves the service's clock forward by `ms` milliseconds. */
  advance(ms: number): Promise<void>;
}

/** The one interface to the migration service. */
export interface Backend {
  /** Present only on a simulated service. */
  readonly clock?: SimulatedClock;
  /** The extra reads of `stagemig check` (both real backends have them). */
  readonly preflight?: PreflightReads;
  /** Reads endpoints, batches and users: a constant number of service calls whatever the size. */
  readLive(): Promise<LiveState>;
  /** Reads every mailbox of the tenant in one call (Get-Mailbox -ResultSize Unlimited): conversion's input. */
  readMailboxes(): Promise<CloudMailbox[]>;
  /**
   * Microsoft Graph (seed step 7): the subscribed SKUs and every user's licences, creation time and usage
   * location, in one bulk read of each (Get-MgSubscribedSku -All, Get-MgUser -All -Property ...).
   */
  readLicensing?(): Promise<LicensingState>;
  /** Runs one write cmdlet. A refusal by the service is `{ok: false}`, not an exception. */
  run(invocation: Invocation): Promise<RunResult>;
  /**
   * Runs a sequence of writes (apply's steps) as one unit of saving where the service allows it: the
   * simulator then saves its state as it goes at a bounded cost and once at the end, not after every step.
   */
  batchWrites?<T>(work: () => Promise<T>): Promise<T>;
  /** Ends the session (no-op for the simulator). */
  close(): Promise<void>;
}
