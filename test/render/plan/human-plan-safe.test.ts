// The terminal plan escapes each user- or service-supplied string where it prints it (not the whole
// document first, issue 13): with a control sequence and a bidi override in every string of the plan
// document, no printed line, summarised or --full, carries a raw one.
import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacter } from '../../../src/model/unsafe-text.js';
import { buildPlan } from '../../../src/plan/index.js';
import { renderHumanPlan } from '../../../src/render/plan/human-plan.js';
import type { PlanDocument } from '../../../src/render/plan/json-plan-types.js';
import { batch, desired, live, liveBatch, liveUsers } from '../../helpers/states.js';
import { planDoc } from '../../helpers/plan-doc.js';

const HOSTILE = '\x1b[2K\r\u202e\x9b';
/** Fields the view compares with fixed words: left as they are so that the same lines are printed. */
const FIXED = new Set(['actions', 'lifecycle', 'origin', 'waits_for', 'type', 'kind', 'action', 'mode', 'drift_baseline']);

function hostile(value: unknown, key = ''): unknown {
  if (FIXED.has(key)) return value;
  if (typeof value === 'string') return `${value}${HOSTILE}`;
  if (Array.isArray(value)) return value.map((v) => hostile(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [key === 'before' || key === 'after' ? `${k}${HOSTILE}` : k, hostile(v, k)]));
  }
  return value;
}

function document(): PlanDocument {
  const many = Array.from({ length: 25 }, (_, i) => `m${i}@x.com`);
  const d = desired([batch('W', ['a@x.com', 'c@x.com'], { notificationEmails: ['n@x.com'] }), batch('Big', many), batch('Gone', ['g@x.com'])]);
  const l = live({
    batches: [liveBatch('W', 'Synced'), liveBatch('Gone', 'Stopped'), liveBatch('Old', 'Stopped', { totalCount: 4 })],
    users: [...liveUsers('W', ['a@x.com', 'b@x.com', ...many.map((m) => `w${m}`)]), ...liveUsers('Gone', ['g@x.com'])],
  });
  const doc = planDoc(buildPlan(d, l));
  return {
    ...doc,
    targets: ['batch.W'],
    undetermined: ['batch.W'],
    drift: [
      { address: 'batch.W', kind: 'membership', summary: '2 mailboxes removed outside stagemig', expected: ['x@x.com', 'y@x.com'], actual: null },
      { address: 'batch.W', kind: 'setting', summary: 'notificationEmails changed', expected: ['n@x.com'], actual: ['o@x.com'] },
      { address: 'batch.Gone', kind: 'missing', summary: 'the batch is gone', expected: null, actual: null },
    ],
    unmanaged: [...doc.unmanaged, { address: 'batch.Former', status: 'Synced', mailboxes: 2, no_longer_in_plan: true }],
  };
}

describe('the terminal plan with hostile strings everywhere', () => {
  const doc = hostile(document()) as PlanDocument;
  for (const opts of [{ full: false }, { full: true }, { full: false, refreshOnly: true }, { full: false, drift: true }]) {
    it(`prints no raw control character or bidi override (${JSON.stringify(opts)})`, () => {
      const shown = opts.drift ? { ...doc, drift_baseline: 'last-applied' as const } : doc;
      const text = renderHumanPlan(shown, { color: false, ...opts });
      const unsafe = text.split('\n').filter((line) => hasUnsafeCharacter(line));
      expect(unsafe).toEqual([]);
      // The strings are there, escaped: the text still says what the names are.
      expect(text).toContain('\\u001b[2K\\u000d\\u202e\\u009b');
    });
  }

  it('still prints the parts it is made of (the hostile document is rendered, not refused)', () => {
    const text = renderHumanPlan(doc, { color: false, full: true });
    expect(text).toContain('batch.W');
    expect(text).toContain('Remove-MigrationUser');
    expect(text).toContain('m24@x.com');
  });
});
