import { describe, expect, it } from 'vitest';
import { count, durationText, formatDuration, parseDuration, plural } from '../../src/model/index.js';

describe('durations', () => {
  it.each([
    ['90s', 90_000], ['30m', 1_800_000], ['6h', 21_600_000], ['2d', 172_800_000], ['1h30m', 5_400_000],
    ['1d12h', 129_600_000], [' 5M ', 300_000], ['0s', 0],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'h', '1.5h', '-1h', '30m1h', '1h1h', '1w', 'soon', '1h 30m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats durations back', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(129_690_000)).toBe('1d12h1m30s');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('durations for views and counted nouns', () => {
  it('rounds to the two largest units', () => {
    expect(durationText(45_000)).toBe('45s');
    expect(durationText(11_520_000)).toBe('3h12m');
    expect(durationText(187_200_000)).toBe('2d4h');
    expect(durationText(-5)).toBe('0s');
  });

  it('counts nouns with thousands separators', () => {
    expect(plural(1, 'mailbox', 'mailboxes')).toBe('1 mailbox');
    expect(plural(2000, 'mailbox', 'mailboxes')).toBe('2,000 mailboxes');
    expect(plural(0, 'batch', 'batches')).toBe('0 batches');
    expect(plural(3, 'step')).toBe('3 steps');
  });

  it('groups thousands exactly as toLocaleString(en-US) does, without loading ICU for whole numbers', () => {
    const samples = [0, 1, 12, 999, 1000, 1001, 12345, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER, -1, -1234, 1.5, 1234.5, -0, NaN, Infinity];
    for (let n = 0; n < 5000; n += 7) samples.push(n, n * 1013);
    for (const n of samples) expect(count(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});
