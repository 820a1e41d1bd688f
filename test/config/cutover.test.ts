// Recording the cutover (seed steps 5-7): convertedAt and license on a batch, cutover.mxSwitchedAt and its wait.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { planYaml, tempDir, where } from './helpers.js';

async function load(batchLines: string[], top = '') {
  const yaml = planYaml({ W1: 'w1.csv' }, top).trimEnd() + '\n' + batchLines.map((l) => `    ${l}`).join('\n') + '\n';
  const dir = tempDir({ 'stagemig.yaml': yaml, 'w1.csv': 'EmailAddress\na@contoso.com\n' });
  return loadPlan('stagemig.yaml', { cwd: dir });
}

const shown = (diags: Awaited<ReturnType<typeof load>>['diagnostics']) => diags.map((d) => `${where(d)} ${d.summary}`);

describe('recording the cutover in the plan', () => {
  it('keeps convertedAt, the licence and the MX switch as written; the wait defaults to 72 hours', async () => {
    const { desired, diagnostics } = await load(
      ['convertedAt: 2026-12-02T09:30:00+01:00', 'license: {skuPartNumber: ENTERPRISEPACK, usageLocation: US}'],
      'cutover:\n  mxSwitchedAt: 2026-12-03T18:00:00Z',
    );
    expect(diagnostics).toEqual([]);
    expect(desired!.batches[0]).toMatchObject({ convertedAt: '2026-12-02T09:30:00+01:00', license: { skuPartNumber: 'ENTERPRISEPACK', usageLocation: 'US' } });
    expect(desired!.cutover).toEqual({ mxSwitchedAt: '2026-12-03T18:00:00Z', waitAfterMxSwitchMs: 72 * 3_600_000 });
  });

  it('takes the wait after the MX switch in hours or days', async () => {
    const { desired } = await load([], 'cutover:\n  mxSwitchedAt: 2026-12-03T18:00:00Z\n  waitAfterMxSwitch: 5d');
    expect(desired!.cutover!.waitAfterMxSwitchMs).toBe(5 * 86_400_000);
  });

  it('refuses a conversion time without an offset, pointing at the value', async () => {
    const { desired, diagnostics } = await load(['convertedAt: 2026-12-02 09:30']);
    expect(desired).toBeUndefined();
    expect(shown(diagnostics)).toEqual([
      'stagemig.yaml:13:18 `convertedAt` of batch `W1` must be an ISO-8601 date and time with an offset (2026-11-30T18:00:00+01:00) (got "2026-12-02 09:30")',
    ]);
  });

  it('refuses a bad MX time, a bad wait, a lower-case country and a licence without usage location, each at its line', async () => {
    const bad = await load(['license: {skuPartNumber: ENTERPRISEPACK, usageLocation: us}'], 'cutover:\n  mxSwitchedAt: yesterday\n  waitAfterMxSwitch: 3 days');
    const lines = bad.diagnostics.map((d) => d.range?.start.line);
    expect(lines).toEqual(expect.arrayContaining([4, 5, 16]));
    expect(bad.diagnostics).toHaveLength(3);
    const missing = await load(['license: {skuPartNumber: ENTERPRISEPACK}']);
    expect(missing.diagnostics).toHaveLength(1);
    expect(missing.diagnostics[0]!.summary).toMatch(/usageLocation/);
    expect(where(missing.diagnostics[0]!)).toMatch(/^stagemig\.yaml:13:/);
  });

  it('refuses an unknown key under cutover with a hint', async () => {
    const { diagnostics } = await load([], 'cutover:\n  mxSwitchAt: 2026-12-03T18:00:00Z');
    expect(diagnostics[0]!.code).toBe('UNKNOWN_KEY');
    expect(diagnostics[0]!.hint).toMatch(/mxSwitchedAt/);
  });
});
