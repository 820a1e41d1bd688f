import { describe, expect, it } from 'vitest';
import type { LicensingState } from '../../../src/model/index.js';
import { licenseFindings } from '../../../src/operations/check/licenses.js';
import { buildJourney } from '../../../src/operations/status/journey.js';
import { batch, desired, live, liveBatch, liveUsers } from '../../helpers/states.js';

const CREATED = '2026-11-01T00:00:00Z';
const day = (n: number) => new Date(Date.parse(CREATED) + (n - 1) * 86_400_000 + 3_600_000);
const licensing = (licensed: string[]): LicensingState => ({
  skus: [{ skuId: 's1', skuPartNumber: 'ENTERPRISEPACK' }],
  users: ['a@x.com', 'b@x.com', 'q@x.com'].map((e) => ({ id: e, userPrincipalName: e, proxyAddresses: [], createdDateTime: CREATED, assignedSkuIds: licensed.includes(e) ? ['s1'] : [] })),
});
const d = desired([batch('W', ['a@x.com', 'b@x.com', 'q@x.com'])]);
const l = live({ batches: [liveBatch('W', 'Syncing')], users: [...liveUsers('W', ['a@x.com', 'b@x.com']), ...liveUsers('W', ['q@x.com'], 'Queued')] });

describe('licence grace (seed step 7) in status and check', () => {
  it('says nothing before day 23, warns from day 23, fails after day 30; never for a mailbox not yet migrated', () => {
    expect(buildJourney(d, l, licensing(['a@x.com']), day(22)).licenses).toEqual({ unlicensed: 1, alerts: [] });
    expect(buildJourney(d, l, licensing([]), day(23)).licenses!.alerts).toEqual([
      { email: 'a@x.com', batch: 'W', day: 23, severity: 'warning' }, { email: 'b@x.com', batch: 'W', day: 23, severity: 'warning' },
    ]);
    expect(buildJourney(d, l, licensing(['a@x.com']), day(30)).licenses!.alerts.map((a) => a.severity)).toEqual(['warning']);
    expect(buildJourney(d, l, licensing(['a@x.com']), day(31)).licenses!.alerts).toEqual([{ email: 'b@x.com', batch: 'W', day: 31, severity: 'failed' }]);
  });

  it('check reports the same as one finding: passed, warning, failed', () => {
    expect(licenseFindings(d, l, licensing(['a@x.com', 'b@x.com']), day(40))[0]).toMatchObject({ check: 'licenses', status: 'passed', summary: 'every migrated mailbox is licensed' });
    expect(licenseFindings(d, l, licensing(['a@x.com']), day(25))[0]).toMatchObject({ status: 'warning', addresses: { 'day 23 or later': ['b@x.com'] } });
    expect(licenseFindings(d, l, licensing([]), day(31))[0]).toMatchObject({ status: 'failed', addresses: { disabled: ['a@x.com', 'b@x.com'] } });
  });

  it("shows each batch's phase and what it waits for", () => {
    const j = buildJourney(d, l, licensing([]), day(2));
    expect(j.batches).toEqual([{ name: 'W', phase: 'migrating', next: 'wait for the initial sync (stagemig status --watch)', waitingFor: '2 of 3 mailboxes Synced' }]);
    expect(j.allRemoved).toBe(false);
  });
});
