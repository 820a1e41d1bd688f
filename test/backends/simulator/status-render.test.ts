import { describe, expect, it } from 'vitest';
import { toLiveState, withFaults } from '../../../src/backends/simulator/index.js';
import { renderSimulatorStatus } from '../../../src/render/simulator/simulator-status.js';
import { advance, csvOf, invoke, ok, withBatch, withEndpoint } from './helpers.js';

describe('renderSimulatorStatus', () => {
  it('says when there is no state yet', () => {
    const text = renderSimulatorStatus({ stateFile: '/p/.stagemig/simulator.json', live: toLiveState(undefined) });
    expect(text).toContain('No simulator state at /p/.stagemig/simulator.json');
  });

  it('says when the service is empty', () => {
    const text = renderSimulatorStatus({ now: '2026-01-05T09:00:00Z', stateFile: 's.json', live: toLiveState(undefined) });
    expect(text).toContain('Simulated time: 2026-01-05T09:00:00Z');
    expect(text).toContain('The simulated service is empty');
  });

  it('shows the clock, endpoints, batch status and counts, warnings and per-user status', () => {
    let s = withBatch(withEndpoint(), 'Wave1', ['a@contoso.com', 'b@contoso.com']);
    s = withFaults(s, { failMailboxes: { 'b@contoso.com': 'MigrationPermanentException: boom' } });
    s = advance(ok(s, 'Start-MigrationBatch', { Identity: 'Wave1' }), '1d');
    s = invoke(s, 'New-MigrationBatch', { Name: 'Wave2', SourceEndpoint: 'StagedEndpoint', CSVData: csvOf(['a@contoso.com', 'c@contoso.com']) }).state;
    const text = renderSimulatorStatus({ now: s.now, stateFile: 's.json', live: toLiveState(s) });
    expect(text).toContain('Simulated time: 2026-01-06T09:00:00Z');
    expect(text).toMatch(/StagedEndpoint\s+ExchangeOutlookAnywhere\s+Basic\s+max 20 concurrent, 10 incremental/);
    expect(text).toContain('Wave1  SyncedWithErrors  (endpoint StagedEndpoint)');
    expect(text).toContain('total 2, active 0, synced 1, failed 1, stopped 0, pending 0, provisioned 1');
    expect(text).toMatch(/a@contoso\.com\s+Synced\s+[\d,]+ items/);
    expect(text).toMatch(/b@contoso\.com\s+Failed\s+MigrationPermanentException: boom/);
    expect(text).toContain('Wave2  Created');
    expect(text).toContain('Row:2, EmailAddress:a@contoso.com, Error:The user "a@contoso.com" is already included');
    expect(text).toMatch(/c@contoso\.com\s+Queued/);
  });
});
