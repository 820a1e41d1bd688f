// `startAfter` and `retryFailed` on a batch: schema, error messages and the desired state.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { isDateTimeWithOffset } from '../../src/config/text/date-time.js';
import { planYaml, tempDir, where } from './helpers.js';

const withBatchLines = (extra: string[]): string =>
  planYaml({ W1: 'w1.csv' }).trimEnd() + '\n' + extra.map((l) => `    ${l}`).join('\n') + '\n';

async function load(extra: string[]) {
  const dir = tempDir({ 'stagemig.yaml': withBatchLines(extra), 'w1.csv': 'EmailAddress\na@contoso.com\n' });
  return loadPlan('stagemig.yaml', { cwd: dir });
}

describe('startAfter and retryFailed', () => {
  it('keeps startAfter as written and retryFailed when true', async () => {
    const { desired, diagnostics } = await load(['startAfter: 2026-11-30T18:00:00+01:00', 'retryFailed: true']);
    expect(diagnostics).toEqual([]);
    expect(desired!.batches[0]).toMatchObject({ startAfter: '2026-11-30T18:00:00+01:00', retryFailed: true });
  });

  it('leaves both out by default', async () => {
    const { desired } = await load([]);
    expect(desired!.batches[0]!.startAfter).toBeUndefined();
    expect(desired!.batches[0]!.retryFailed).toBeUndefined();
  });

  it('refuses a time without an offset, pointing at the value', async () => {
    const { desired, diagnostics } = await load(['startAfter: 2026-11-30T18:00:00']);
    expect(desired).toBeUndefined();
    expect(diagnostics.map((d) => `${where(d)} ${d.summary}`)).toEqual([
      'stagemig.yaml:13:17 `startAfter` of batch `W1` must be an ISO-8601 date and time with an offset (2026-11-30T18:00:00+01:00) (got "2026-11-30T18:00:00")',
    ]);
  });

  it('refuses startAfter on a batch that is not started', async () => {
    const { diagnostics } = await load(['state: stopped', 'startAfter: 2026-11-30T18:00:00Z']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.hint).toContain('A batch with startAfter is started by the service at that time, so it cannot be `stopped`');
  });

  it('accepts only real dates and times with Z or ±hh:mm', () => {
    for (const ok of ['2026-11-30T18:00:00Z', '2026-11-30T18:00+01:00', '2028-02-29T00:00:00.5-07:00']) expect(isDateTimeWithOffset(ok), ok).toBe(true);
    for (const bad of ['2026-11-30', '2026-11-30T18:00:00', '2026-02-29T10:00:00Z', '2026-11-30T24:00:00Z', '2026-11-30T18:00:00+0100', 'soon']) {
      expect(isDateTimeWithOffset(bad), bad).toBe(false);
    }
  });
});
