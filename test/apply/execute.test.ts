import { describe, expect, it } from 'vitest';
import { checkSecrets, executeSteps, materialize } from '../../src/apply/index.js';
import type { Backend } from '../../src/backends/index.js';
import type { Invocation } from '../../src/model/index.js';
import { Sensitive } from '../../src/model/index.js';
import { lifecycleStep, newBatchStep, newEndpointStep } from '../../src/plan/cmdlets.js';
import { batch, desired, endpoint } from '../helpers/states.js';

function fakeBackend(failAt?: number): Backend & { calls: Invocation[] } {
  const calls: Invocation[] = [];
  return {
    calls,
    readLive: async () => ({ endpoints: [], batches: [], users: [] }),
    readMailboxes: async () => [],
    run: async (inv) => {
      calls.push(inv);
      return calls.length === failAt ? { ok: false, error: 'The migration batch has already started.' } : { ok: true, warnings: [] };
    },
    close: async () => {},
  };
}

describe('apply', () => {
  const d = desired([batch('W', ['a@x.com'])]);
  d.batches[0]!.users[0]!.password = new Sensitive('S3cret!pw');
  const steps = [newEndpointStep(endpoint()), newBatchStep(d.batches[0]!, ['a@x.com'], false), lifecycleStep('W', 'start-batch')];

  it('reports a missing password variable before anything runs', () => {
    const diags = checkSecrets(steps, d, {});
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'MISSING_SECRET', address: 'endpoint.StagedEndpoint' });
    expect(diags[0]!.summary).toContain('ONPREM_PW');
    expect(checkSecrets(steps, d, { ONPREM_PW: 'x' })).toEqual([]);
  });

  it('materialises the credential and the CSV bytes (password included) only for the backend', () => {
    const inv = materialize(steps[1]!, d, {});
    const bytes = inv.parameters.CSVData as { bytes: string };
    expect(Buffer.from(bytes.bytes, 'base64').toString('utf8')).toBe('EmailAddress,Password\r\na@x.com,S3cret!pw\r\n');
    const ep = materialize(steps[0]!, d, { ONPREM_PW: 'pw1' });
    expect(ep.parameters.Credentials).toEqual({ credential: { username: 'CONTOSO\\administrator', password: 'pw1' } });
  });

  it('stops at the first failure and reports ran / failed / not run', async () => {
    const backend = fakeBackend(2);
    const outcome = await executeSteps({ steps, backend, materialize: (s) => materialize(s, d, { ONPREM_PW: 'x' }) });
    expect(backend.calls.map((c) => c.cmdlet)).toEqual(['New-MigrationEndpoint', 'New-MigrationBatch']);
    expect(outcome.ran.map((s) => s.cmdlet)).toEqual(['New-MigrationEndpoint']);
    expect(outcome.failed).toMatchObject({ step: { cmdlet: 'New-MigrationBatch' }, error: 'The migration batch has already started.' });
    expect(outcome.notRun.map((s) => s.cmdlet)).toEqual(['Start-MigrationBatch']);
  });

  it('stops between steps when interrupted', async () => {
    let n = 0;
    const outcome = await executeSteps({
      steps, backend: fakeBackend(), materialize: (s) => materialize(s, d, { ONPREM_PW: 'x' }), shouldStop: () => n++ >= 1,
    });
    expect(outcome).toMatchObject({ interrupted: true });
    expect(outcome.ran).toHaveLength(1);
    expect(outcome.notRun).toHaveLength(2);
  });
});
