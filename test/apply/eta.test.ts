import { describe, expect, it } from 'vitest';
import { createEtaTracker, sinceStart } from '../../src/apply/eta.js';

const H = 3_600_000;

describe('ETA from observed sync rates', () => {
  it('measures the rate over the recent readings and projects what is left', () => {
    const t = createEtaTracker(2 * H);
    t.observe('b', { at: 0, done: 0, total: 1000 });
    t.observe('b', { at: H, done: 100, total: 1000 });
    expect(t.estimate('b')).toEqual({ perHour: 100, etaMs: 9 * H });
    t.observe('b', { at: 2 * H, done: 300, total: 1000 });
    expect(t.estimate('b')).toEqual({ perHour: 150, etaMs: Math.round((700 / 150) * H) });
    // The window keeps the last two hours: the slow first hour falls out.
    t.observe('b', { at: 3 * H, done: 500, total: 1000 });
    expect(t.estimate('b')).toEqual({ perHour: 200, etaMs: Math.round(2.5 * H) });
  });

  it('says when nothing moved for half an hour, and starts again when a batch changes size', () => {
    const t = createEtaTracker();
    t.observe('b', { at: 0, done: 50, total: 100, startedAt: -H });
    t.observe('b', { at: 45 * 60_000, done: 50, total: 100, startedAt: -H });
    expect(t.estimate('b')).toEqual({ perHour: 0 });
    t.observe('b', { at: 2 * H, done: 10, total: 300, startedAt: -H });
    expect(t.estimate('b').perHour).toBeCloseTo(10 / 3, 5); // one reading of the new size: since start
  });

  it('from one reading uses the pace since the batch started; nothing known before the first mailbox finishes', () => {
    expect(sinceStart({ at: 4 * H, done: 200, total: 1000, startedAt: 0 })).toEqual({ perHour: 50, etaMs: 16 * H });
    expect(sinceStart({ at: 4 * H, done: 0, total: 1000, startedAt: 0 })).toEqual({});
    expect(sinceStart({ at: 4 * H, done: 1000, total: 1000, startedAt: 0 })).toEqual({ perHour: 250, etaMs: 0 });
  });
});
