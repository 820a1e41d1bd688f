// The status views from any LiveState (as the exchange-online backend maps it), not only the simulator's.
import { describe, expect, it } from 'vitest';
import { renderStatusHuman } from '../../../src/render/status/status-human.js';
import { toStatusDocument } from '../../../src/render/status/status-json.js';
import { buildStatusView } from '../../../src/render/status/status-view.js';
import { batch, desired, live, liveBatch } from '../../helpers/states.js';

const d = desired([batch('W1', ['a@x.com', 'b@x.com', 'c@x.com']), batch('W2', ['d@x.com']), batch('Old', [], { state: 'removed' })]);
const l = live({
  batches: [
    liveBatch('W1', 'Syncing', { totalCount: 3, syncedCount: 1, failedCount: 1, activeCount: 1, startDateTime: '2026-06-01T06:00:00Z' }),
    liveBatch('Legacy', 'Stopped', { totalCount: 4 }),
  ],
  users: [
    { email: 'a@x.com', batch: 'W1', status: 'Synced', syncedItemCount: 1200, skippedItemCount: 3, lastSuccessfulSyncTime: '2026-06-01T07:10:00Z' },
    { email: 'b@x.com', batch: 'W1', status: 'IncrementalFailed', syncedItemCount: 40, skippedItemCount: 0, errorSummary: 'MigrationTransientException: busy' },
    { email: 'c@x.com', batch: 'W1', status: 'Syncing', syncedItemCount: 10, skippedItemCount: 0 },
  ],
});
const now = new Date('2026-06-01T09:30:00Z');

describe('status views', () => {
  it('shows each batch of the plan, absent ones too, with elapsed time at the given time', () => {
    const text = renderStatusHuman(buildStatusView(d, l, { now, allUsers: false }), { color: false, organization: 'contoso.onmicrosoft.com', backend: 'exchange-online' });
    expect(text).toContain('Migration status of contoso.onmicrosoft.com at 2026-06-01 09:30 UTC (exchange-online)');
    expect(text).toMatch(/W1 +Syncing +3 +1 \(33%\) +1 +1 +0 +3h30m ago +- +-/);
    expect(text).toMatch(/W2 +\(not created\) +- /);
    expect(text).toMatch(/Old +removed +- /);
    expect(text).toContain('Failed mailboxes (1):\n  b@x.com (W1): MigrationTransientException: busy');
    expect(text).toContain('Unmanaged batches (not in the plan): batch.Legacy (Stopped, 4 mailboxes)');
  });

  it('lists every mailbox with --users, items synced and skipped and the last sync', () => {
    const text = renderStatusHuman(buildStatusView(d, l, { now, allUsers: true }), { color: false, organization: 'c', backend: 'exchange-online' });
    expect(text).toMatch(/a@x\.com +Synced +1,200 +3 +2026-06-01 07:10 UTC/);
    expect(text).toMatch(/c@x\.com +Syncing +10 +0 +-/);
  });

  it('puts nulls, not missing keys, in the JSON document', () => {
    const doc = toStatusDocument(buildStatusView(d, l, { now, allUsers: false }), { toolVersion: '9.9.9', planFile: 'p.yaml', backend: { type: 'exchange-online', organization: 'c' } });
    expect(doc.batches[1]).toMatchObject({ name: 'W2', exists: false, status: null, counts: null, percent_synced: null, elapsed_seconds: null });
    expect(doc.batches[0]).toMatchObject({ percent_synced: 33.3, elapsed_seconds: 12600, data_consistency_score: null });
    expect(doc.totals).toMatchObject({ batches: 3, mailboxes: 3, failed: 1, percent_synced: 33.3 });
  });
});
