import { describe, expect, it } from 'vitest';
import { isThrottled, THROTTLE_DELAYS_MS, withThrottleRetry } from '../../../src/backends/powershell/retry.js';
import type { BridgeResponse } from '../../../src/backends/powershell/protocol.js';

const THROTTLED = 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again.';
const fail = (error: string): BridgeResponse => ({ id: 1, ok: false, error });
const ok: BridgeResponse = { id: 1, ok: true, result: null, warnings: [] };

function scripted(responses: BridgeResponse[]) {
  const sleeps: number[] = [];
  let calls = 0;
  return {
    sleeps,
    calls: () => calls,
    attempt: async () => responses[Math.min(calls++, responses.length - 1)]!,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
}

describe('throttling detection', () => {
  it.each([
    THROTTLED,
    'The remote server returned an error: (429) Too Many Requests.',
    'Response status code does not indicate success: 429 (Too Many Requests).',
    'HTTP 429',
    'TooManyRequests',
  ])('retries "%s"', (message) => expect(isThrottled(message)).toBe(true));

  it.each([
    "The migration batch can't be removed in its current state.",
    'The migration batch Wave-429 already exists.',
    'The migration batch "throttled users" can\'t be found.',
    "We weren't able to connect to the remote server.",
  ])('does not retry "%s"', (message) => expect(isThrottled(message)).toBe(false));
});

describe('withThrottleRetry', () => {
  it('retries throttling with growing delays until it succeeds', async () => {
    const s = scripted([fail(THROTTLED), fail(THROTTLED), ok]);
    expect(await withThrottleRetry(s.attempt, { sleep: s.sleep })).toBe(ok);
    expect(s.calls()).toBe(3);
    expect(s.sleeps).toEqual(THROTTLE_DELAYS_MS.slice(0, 2));
  });

  it('gives up after a bounded number of retries and returns the service text', async () => {
    const s = scripted([fail(THROTTLED)]);
    const notes: number[] = [];
    const r = await withThrottleRetry(s.attempt, { sleep: s.sleep, delaysMs: [1, 2, 3], onRetry: (n) => notes.push(n) });
    expect(r).toEqual(fail(THROTTLED));
    expect(s.calls()).toBe(4);
    expect(s.sleeps).toEqual([1, 2, 3]);
    expect(notes).toEqual([1, 2, 3]);
  });

  it('returns other errors at once', async () => {
    const s = scripted([fail('The migration batch has already started.'), ok]);
    expect(await withThrottleRetry(s.attempt, { sleep: s.sleep })).toEqual(fail('The migration batch has already started.'));
    expect(s.calls()).toBe(1);
    expect(s.sleeps).toEqual([]);
  });

  it('bounds the total wait to about a minute', () => {
    expect(THROTTLE_DELAYS_MS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(90_000);
  });
});
