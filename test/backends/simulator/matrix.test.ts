// The operation-permission matrix (facts §6.3): every cmdlet in every batch status, with exact texts.
import { describe, expect, it } from 'vitest';
import { SERVICE_TEXTS as T, withFaults, type SimState } from '../../../src/backends/simulator/index.js';
import type { WireValue } from '../../../src/model/index.js';
import { advance, batchOf, csvOf, invoke, ok, refused, withBatch, withEndpoint } from './helpers.js';

const ID = { Identity: 'B1' };
const created = (): SimState => withBatch(withEndpoint(), 'B1', ['a@contoso.com']);
const starting = (): SimState => ok(created(), 'Start-MigrationBatch', ID);
const syncing = (): SimState => advance(starting(), '3m');
const stopping = (): SimState => ok(syncing(), 'Stop-MigrationBatch', ID);
const stopped = (): SimState => advance(stopping(), '1m');
const synced = (): SimState => advance(starting(), '1d');
const syncedWithErrors = (): SimState =>
  advance(ok(withFaults(created(), { failMailboxes: { 'a@contoso.com': 'MigrationPermanentException: boom' } }), 'Start-MigrationBatch', ID), '1d');
const removing = (): SimState => ok(created(), 'Remove-MigrationBatch', ID);
const forced = (status: 'Failed' | 'Corrupted') => (): SimState => {
  const s = created();
  s.batches[0]!.status = status;
  return s;
};

const STATES: Array<[string, () => SimState]> = [
  ['Created', created], ['Starting', starting], ['Syncing', syncing], ['Stopping', stopping], ['Stopped', stopped],
  ['Synced', synced], ['SyncedWithErrors', syncedWithErrors], ['Failed', forced('Failed')], ['Removing', removing],
  ['Corrupted', forced('Corrupted')],
];

const OPS: Record<string, [string, Record<string, WireValue>]> = {
  start: ['Start-MigrationBatch', ID],
  stop: ['Stop-MigrationBatch', ID],
  remove: ['Remove-MigrationBatch', ID],
  removeUser: ['Remove-MigrationUser', { Identity: 'a@contoso.com' }],
  set: ['Set-MigrationBatch', { Identity: 'B1', NotificationEmails: ['team@contoso.com'] }],
  append: ['Set-MigrationBatch', { Identity: 'B1', AddUsers: true, CSVData: csvOf(['new@contoso.com']) }],
  complete: ['Complete-MigrationBatch', ID],
};

const OK = 'ok';
const rmUser = T.removeUser('a@contoso.com', 'B1');
const EXPECTED: Record<string, Record<keyof typeof OPS, string>> = {
  Created: { start: OK, stop: T.stopState, remove: OK, removeUser: OK, set: OK, append: OK, complete: T.noFinalization },
  Starting: { start: T.started, stop: OK, remove: T.removeState, removeUser: rmUser, set: OK, append: T.appendSyncing, complete: T.noFinalization },
  Syncing: { start: T.started, stop: OK, remove: T.removeState, removeUser: rmUser, set: OK, append: T.appendSyncing, complete: T.noFinalization },
  Stopping: { start: T.stopping, stop: T.alreadyStopping, remove: T.removeState, removeUser: rmUser, set: OK, append: T.appendSyncing, complete: T.noFinalization },
  Stopped: { start: OK, stop: T.alreadyStopped, remove: OK, removeUser: OK, set: OK, append: OK, complete: T.noFinalization },
  Synced: { start: T.noErrors, stop: OK, remove: OK, removeUser: OK, set: OK, append: OK, complete: T.noFinalization },
  SyncedWithErrors: { start: OK, stop: OK, remove: OK, removeUser: OK, set: OK, append: OK, complete: T.noFinalization },
  Failed: { start: OK, stop: T.stopState, remove: OK, removeUser: OK, set: OK, append: OK, complete: T.noFinalization },
  Removing: { start: T.completedStart, stop: T.stopState, remove: OK, removeUser: OK, set: T.modifyCompleted, append: T.modifyCompleted, complete: T.noFinalization },
  Corrupted: { start: T.corruptStart, stop: T.corruptStop, remove: OK, removeUser: OK, set: T.corruptModify, append: T.corruptModify, complete: T.noFinalization },
};

describe('operation matrix (facts §6.3)', () => {
  it.each(STATES)('builds a batch in status %s', (status, make) => {
    expect(batchOf(make(), 'B1').status).toBe(status);
  });

  for (const [status, make] of STATES) {
    for (const [op, [cmdlet, params]] of Object.entries(OPS)) {
      const expected = EXPECTED[status]![op]!;
      it(`${status}: ${cmdlet}${op === 'append' ? ' -AddUsers' : ''} → ${expected === OK ? 'accepted' : 'refused'}`, () => {
        const state = make();
        if (expected === OK) expect(invoke(state, cmdlet, params).result).toMatchObject({ ok: true });
        else refused(state, cmdlet, params, expected);
      });
    }
  }

  it('E-NOERRORS has two spaces after the period', () => {
    expect(T.noErrors).toBe("The migration can't be started.  There are no errors.");
  });

  it('Start on a Synced batch is accepted once users were appended', () => {
    const s = ok(synced(), 'Set-MigrationBatch', OPS.append![1]);
    expect(batchOf(ok(s, 'Start-MigrationBatch', ID), 'B1').status).toBe('Starting');
  });

  it('Remove-MigrationBatch twice is accepted (idempotent) and does not restart the removal clock', () => {
    const once = removing();
    const twice = ok(advance(once, '2m'), 'Remove-MigrationBatch', ID);
    expect(batchOf(twice, 'B1').status).toBe('Removing');
    expect(advance(twice, '1m').batches).toEqual([]);
  });

  it('names the missing batch and user', () => {
    refused(created(), 'Start-MigrationBatch', { Identity: 'Nope' }, 'The migration batch "Nope" can\'t be found.');
    refused(created(), 'Remove-MigrationUser', { Identity: 'nobody@contoso.com' }, 'The migration user nobody@contoso.com can\'t be found.');
  });
});
