// Throttling (HTTP 429, "maximum number of concurrent requests") is retried with a bounded backoff;
// every other failure is returned at once (facts §2.3).
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import type { BridgeResponse } from './protocol.js';

/** Waits before each retry; five retries, about a minute in all. */
export const THROTTLE_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000, 30_000];

const THROTTLED = [
  /maximum number of concurrent requests/i,
  /\(429\)|\b(?:HTTP|status code)\s*:?\s*429\b/i,
  /\bToo ?Many ?Requests\b/,
];

export function isThrottled(message: string): boolean {
  return THROTTLED.some((re) => re.test(message));
}

export interface RetryOptions {
  sleep: (ms: number) => Promise<void>;
  delaysMs?: readonly number[];
  /** Called before each wait (for a progress note). */
  onRetry?: (attempt: number, delayMs: number, message: string) => void;
}

/** Runs `attempt` until it succeeds, fails with a non-throttling error, or the delays run out. */
export async function withThrottleRetry(attempt: () => Promise<BridgeResponse>, opts: RetryOptions): Promise<BridgeResponse> {
  const delays = opts.delaysMs ?? THROTTLE_DELAYS_MS;
  for (let i = 0; ; i++) {
    const response = await attempt();
    if (response.ok || !isThrottled(response.error) || i >= delays.length) return response;
    const delay = delays[i]!;
    opts.onRetry?.(i + 1, delay, response.error);
    await opts.sleep(delay);
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
