// Start-, Stop-, Remove- and Complete-MigrationBatch: the §6.3 matrix with the service's exact texts.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import type { WireValue } from '../../model/index.js';
import { nextSeq, requireBatch, usersOf } from './lookup.js';
import { Params, refuse } from './params.js';
import { isoSeconds, ms, type SimBatch, type SimState } from './state.js';
import { T } from './texts.js';
import { BATCH_REMOVING_MS, BATCH_STARTING_MS, BATCH_STOPPING_MS } from './timing.js';

function batchParam(state: SimState, params: Record<string, WireValue>): SimBatch {
  const p = new Params(params, ['Identity']);
  p.required('Identity');
  return requireBatch(state, p.string('Identity')!);
}

const after = (state: SimState, delta: number): string => isoSeconds(ms(state.now) + delta);

/**
 * Starts, resumes or retries: pending, stopped and failed users are queued again. A batch with a future
 * StartAfter goes from Starting to Waiting and gets its StartDateTime only when it really starts.
 */
export function beginStart(state: SimState, batch: SimBatch): void {
  batch.status = 'Starting';
  batch.transitionAt = after(state, BATCH_STARTING_MS);
  const scheduled = batch.startAfter !== undefined && ms(batch.startAfter) > ms(state.now);
  if (scheduled) delete batch.startDateTime;
  else batch.startDateTime = state.now;
  batch.lastActivityAt = state.now;
  for (const u of usersOf(state, batch)) {
    if (u.pending || u.status === 'Stopped' || u.status === 'Failed') {
      u.status = 'Queued';
      u.pending = false;
      u.queueSeq = nextSeq(state);
      delete u.errorSummary;
      delete u.phaseEndsAt;
      delete u.phaseStartedAt;
    }
  }
}

export function startMigrationBatch(state: SimState, params: Record<string, WireValue>): string[] {
  const batch = batchParam(state, params);
  switch (batch.status) {
    case 'Starting':
    case 'Waiting':
    case 'Syncing':
      refuse(T.started);
    case 'Stopping':
      refuse(T.stopping);
    case 'Removing':
      refuse(T.completedStart);
    case 'Corrupted':
      refuse(T.corruptStart);
    case 'Synced': {
      const retry = (s: string): boolean => ['Failed', 'Stopped', 'Queued', 'Provisioning'].includes(s);
      if (!usersOf(state, batch).some((u) => u.pending || retry(u.status))) refuse(T.noErrors);
      break;
    }
    case 'Created':
    case 'Stopped':
    case 'Failed':
      break;
  }
  beginStart(state, batch);
  return [];
}

export function stopMigrationBatch(state: SimState, params: Record<string, WireValue>): string[] {
  const batch = batchParam(state, params);
  switch (batch.status) {
    case 'Created':
    case 'Failed':
    case 'Removing':
      refuse(T.stopState);
    case 'Stopping':
      refuse(T.alreadyStopping);
    case 'Stopped':
      refuse(T.alreadyStopped);
    case 'Corrupted':
      refuse(T.corruptStop);
    case 'Starting':
    case 'Waiting':
    case 'Syncing':
    case 'Synced':
      break;
  }
  batch.status = 'Stopping';
  delete batch.corruptAt;
  batch.transitionAt = after(state, BATCH_STOPPING_MS);
  batch.lastActivityAt = state.now;
  for (const u of usersOf(state, batch)) {
    if (!u.pending && (u.status === 'Queued' || u.status === 'Provisioning' || u.status === 'Syncing')) {
      u.status = 'Stopping';
      delete u.phaseEndsAt;
      delete u.phaseStartedAt;
    }
  }
  return [];
}

export function removeMigrationBatch(state: SimState, params: Record<string, WireValue>): string[] {
  const batch = batchParam(state, params);
  if (batch.status === 'Removing') return [];
  if (['Starting', 'Waiting', 'Syncing', 'Stopping'].includes(batch.status)) refuse(T.removeState);
  batch.status = 'Removing';
  delete batch.corruptAt;
  batch.transitionAt = after(state, BATCH_REMOVING_MS);
  batch.lastActivityAt = state.now;
  for (const u of usersOf(state, batch)) {
    u.status = 'Removing';
    u.pending = false;
    delete u.phaseEndsAt;
    delete u.phaseStartedAt;
  }
  return [];
}

/** Staged batches have no finalization (facts §3.11, §7.6). */
export function completeMigrationBatch(state: SimState, params: Record<string, WireValue>): string[] {
  const p = new Params(params, ['Identity', 'SyncAndComplete', 'NotificationEmails']);
  p.required('Identity');
  requireBatch(state, p.string('Identity')!);
  return refuse(T.noFinalization);
}
