import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/backends/simulator/index.js';

describe('simulator advance durations', () => {
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
