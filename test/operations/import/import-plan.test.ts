import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../src/operations/import/index.js';
import { csvFileNames, passwordEnvFor } from '../../../src/operations/import/names.js';
import { live, liveBatch, liveEndpoint, liveUsers } from '../../helpers/states.js';

const opts = {
  organization: 'contoso.onmicrosoft.com', backend: { type: 'simulator' }, sso: false, hints: new Map(),
  schemaRef: '../schemas/stagemig.schema.json', source: 'the simulator',
};

describe('buildImport', () => {
  it('states each batch as it is live, with its mailboxes, and leaves out what a plan cannot hold', () => {
    const l = live({
      endpoints: [liveEndpoint(), liveEndpoint({ name: 'Manual', autodiscover: false, exchangeServer: 'ex.contoso.com', rpcProxyServer: 'mail.contoso.com', username: 'ops@contoso.com', authentication: 'Ntlm' })],
      batches: [
        liveBatch('Run', 'Syncing', { startAfter: '2026-01-01T00:00:00Z' }), liveBatch('Done', 'Synced', { notificationEmails: ['n@contoso.com'] }),
        liveBatch('Pending', 'Synced', { pendingCount: 1 }), liveBatch('Held', 'Created', { endpoint: 'Manual' }),
        liveBatch('Going', 'Removing'), liveBatch('Empty', 'Stopped'), liveBatch('Odd name/1', 'Stopped'),
      ],
      users: [...liveUsers('Run', ['r@contoso.com']), ...liveUsers('Done', ['d@contoso.com', 'gone@contoso.com']), ...liveUsers('Pending', ['p@contoso.com']),
        ...liveUsers('Held', ['h@contoso.com']), ...liveUsers('Going', ['g@contoso.com']), ...liveUsers('Odd name/1', ['o@contoso.com'])],
    });
    l.users.find((u) => u.email === 'gone@contoso.com')!.status = 'Removing';
    const r = buildImport(l, opts);
    const doc = parse(r.yaml) as Record<string, any>;
    expect(r.yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/stagemig.schema.json');
    expect(Object.entries(doc.batches).map(([k, b]: [string, any]) => [k, b.endpoint, b.state, b.csv, b.startAfter])).toEqual([
      ['Run', 'StagedEndpoint', 'started', 'batches/Run.csv', '2026-01-01T00:00:00Z'],
      ['Done', 'StagedEndpoint', 'started', 'batches/Done.csv', undefined],
      ['Pending', 'StagedEndpoint', 'stopped', 'batches/Pending.csv', undefined],
      ['Held', 'Manual', 'stopped', 'batches/Held.csv', undefined],
      ['Odd name/1', 'StagedEndpoint', 'stopped', 'batches/Odd-name-1.csv', undefined],
    ]);
    expect(doc.batches.Done.notificationEmails).toEqual(['n@contoso.com']);
    expect(r.csvs.find((c) => c.path === 'batches/Done.csv')!.text).toBe('EmailAddress\nd@contoso.com\n');
    expect(r.skipped).toEqual([
      { address: 'batch.Going', reason: 'it is being removed' },
      { address: 'batch.Empty', reason: 'it has no mailboxes (a batch CSV needs at least one)' },
    ]);
    expect(doc.endpoints.Manual).toEqual({
      type: 'ExchangeOutlookAnywhere', autodiscover: false, exchangeServer: 'ex.contoso.com', rpcProxyServer: 'mail.contoso.com',
      emailAddress: 'ops@contoso.com', credentials: { username: 'ops@contoso.com', passwordEnv: 'STAGEMIG_MANUAL_PASSWORD' },
      authentication: 'NTLM', maxConcurrentMigrations: 20, maxConcurrentIncrementalSyncs: 10,
    });
    expect(r.placeholders).toEqual(['endpoint.StagedEndpoint: emailAddress']);
    expect(r.yaml).toMatch(/emailAddress: administrator@contoso\.com # placeholder: the service does not report it/);
  });

  it('takes what the service cannot tell from an existing plan', () => {
    const hints = new Map([['stagedendpoint', { passwordEnv: 'MY_PW', emailAddress: 'admin@contoso.com' }]]);
    const r = buildImport(live({ batches: [], users: [] }), { ...opts, hints });
    expect((parse(r.yaml) as any).endpoints.StagedEndpoint).toMatchObject({ emailAddress: 'admin@contoso.com', credentials: { passwordEnv: 'MY_PW' } });
    expect(r.placeholders).toEqual([]);
  });

  it('names files and variables safely', () => {
    expect([...csvFileNames(['A b', 'a-b', '..', 'Ü']).values()]).toEqual(['batches/A-b.csv', 'batches/a-b-2.csv', 'batches/batch.csv', 'batches/batch-2.csv']);
    expect(passwordEnvFor('Staged Endpoint-2', 2)).toBe('STAGEMIG_STAGED_ENDPOINT_2_PASSWORD');
    expect(passwordEnvFor('X', 1)).toBe('STAGEMIG_ONPREM_PASSWORD');
  });
});
