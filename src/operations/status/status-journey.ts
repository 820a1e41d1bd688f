// Reads what the journey needs beyond the live state: licences (Microsoft Graph, when a batch declares
// `license`, as plan and apply read them) and, once every batch is removed, DNS (the simulated tenant's,
// else the system resolver).
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).
import type { Backend } from '../../backends/index.js';
import type { DesiredState, LiveState } from '../../model/index.js';
import { nodeDns } from '../check/node-dns.js';
import { readLicensingForReport } from '../licensing-read.js';
import { buildJourney, postMigration, type Journey } from './journey.js';

export async function readJourney(desired: DesiredState, live: LiveState, backend: Backend, now: Date): Promise<Journey> {
  const read = await readLicensingForReport(desired, backend);
  const journey = 'licensing' in read ? buildJourney(desired, live, read.licensing, now) : buildJourney(desired, live, undefined, now, read.notRead);
  if (journey.allRemoved) journey.post = await postMigration(desired, live, backend.preflight?.dns ?? nodeDns());
  return journey;
}

/** `status` fails (exit 1) when a migrated mailbox is unlicensed past the grace period. */
export const journeyFailed = (j: Journey): boolean => (j.licenses?.alerts ?? []).some((a) => a.severity === 'failed');
