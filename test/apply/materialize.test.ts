// A step's references become secrets and CSV rows only as the YAML declares them (defence in depth
// behind the saved plan's re-derivation): never another variable, another batch's rows or a foreign cmdlet.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/config/index.js';
import { materialize } from '../../src/apply/index.js';
import type { Step } from '../../src/model/index.js';
import { copyExample, PASSWORD } from '../helpers/cli.js';

async function desired() {
  const dir = copyExample();
  const { desired: d } = await loadPlan(join(dir, 'stagemig.yaml'), { cwd: dir });
  return d!;
}

const env = { STAGEMIG_ONPREM_PASSWORD: PASSWORD, CI_TOKEN: 'not-for-you' };
const endpointStep = (passwordEnv: string): Step => ({
  address: 'endpoint.StagedEndpoint', action: 'new-endpoint', cmdlet: 'New-MigrationEndpoint',
  parameters: [['Name', 'StagedEndpoint'], ['Credentials', { credential: { username: 'CONTOSO\\administrator', passwordEnv } }]],
});
const batchStep = (batch: string, emails: string[]): Step => ({
  address: 'batch.StagedBatch1', action: 'new-batch', cmdlet: 'New-MigrationBatch',
  parameters: [['Name', 'StagedBatch1'], ['CSVData', { csv: { batch, file: 'x.csv', emails } }]],
});

describe('materialize', () => {
  it('reads the password from the variable the YAML declares for the endpoint', async () => {
    const d = await desired();
    expect(materialize(endpointStep('STAGEMIG_ONPREM_PASSWORD'), d, env).parameters.Credentials)
      .toEqual({ credential: { username: 'CONTOSO\\administrator', password: PASSWORD } });
    expect(() => materialize(endpointStep('CI_TOKEN'), d, env))
      .toThrow('Refusing to run New-MigrationEndpoint for endpoint.StagedEndpoint: its credential names CI_TOKEN, which the YAML does not declare for this endpoint');
  });

  it('sends only rows of the step\'s own batch CSV', async () => {
    const d = await desired();
    expect(materialize(batchStep('StagedBatch1', ['annb@contoso.com']), d, env).parameters.CSVData).toMatchObject({ bytes: expect.any(String) });
    expect(() => materialize(batchStep('StagedBatch1', ['ceo@contoso.com']), d, env)).toThrow('ceo@contoso.com is not in the CSV file of batch StagedBatch1');
    expect(() => materialize(batchStep('StagedBatch2', []), d, env)).toThrow('its CSV rows name another batch (StagedBatch2)');
  });

  it('never passes a cmdlet stagemig does not emit', async () => {
    const step = { ...endpointStep('STAGEMIG_ONPREM_PASSWORD'), cmdlet: 'Add-MailboxPermission' } as unknown as Step;
    const d = await desired();
    expect(() => materialize(step, d, env)).toThrow('stagemig never runs this cmdlet');
  });
});
