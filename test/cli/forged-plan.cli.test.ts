// Nothing forged (issue 12): a saved plan edited after `plan --out` never runs, whatever was edited,
// and a secret named by a forged step never leaves the process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const FOREIGN_SECRET = 'ci-token-that-must-stay-home';

const forgeries: Array<[string, (p: Json) => void, RegExp]> = [
  ['notification address', (p) => { p.plan.steps[1].parameters.find((x: Json) => x[0] === 'NotificationEmails')[1] = ['attacker@evil.example']; },
    /Saved plan p\.json holds steps that its inputs do not give[\s\S]*Step 2 \(New-MigrationBatch for batch\.StagedBatch1\) has other parameters/],
  ['address in no CSV', (p) => { p.plan.steps[1].parameters.find((x: Json) => x[0] === 'CSVData')[1].csv.emails.push('ceo@contoso.com'); },
    /holds steps that its inputs do not give/],
  ['appended removal', (p) => { p.plan.steps.push({ address: 'batch.StagedBatch1', action: 'remove-batch', cmdlet: 'Remove-MigrationBatch', parameters: [['Identity', 'StagedBatch1'], ['Confirm', false]] }); },
    /Step 5 \(Remove-MigrationBatch for batch\.StagedBatch1\) is not one the inputs give/],
  ['removal past protection', (p) => { p.options.allow_remove = true; p.plan.steps.push({ address: 'batch.StagedBatch1', action: 'remove-batch', cmdlet: 'Remove-MigrationBatch', parameters: [['Identity', 'StagedBatch1']] }); },
    /is not one the inputs give/],
  ['unknown cmdlet', (p) => { p.plan.steps[0].cmdlet = 'Set-Mailbox'; },
    /The saved plan p\.json is not valid: \/plan\/steps\/0\/cmdlet must be equal to one of the allowed values/],
  ['no inputs', (p) => { p.inputs = []; }, /The saved plan p\.json is not valid: \/inputs must NOT have fewer than 1 items/],
  ['only the YAML hashed', (p) => { p.inputs = p.inputs.slice(0, 1); },
    /Saved plan p\.json does not list the inputs of stagemig\.yaml[\s\S]*not hashed: batches\/wave1-it-pilot\.csv, batches\/wave2-sales\.csv, batches\/wave3-finance\.csv/],
  ['secret from another variable sent to a foreign server', (p) => {
    const params = p.plan.steps[0].parameters;
    params.find((x: Json) => x[0] === 'Credentials')[1].credential.passwordEnv = 'CI_TOKEN';
    params.find((x: Json) => x[0] === 'EmailAddress')[1] = 'admin@evil.example';
  }, /Step 1 \(New-MigrationEndpoint for endpoint\.StagedEndpoint\) has other parameters/],
  ['wrongly typed steps', (p) => { p.plan.steps = 'all of them'; }, /The saved plan p\.json is not valid: \/plan\/steps must be array/],
];

describe('forged saved plans', () => {
  it('refuses every kind of edit, changes nothing, and never reads a forged secret', async () => {
    const dir = copyExample();
    expect((await runCli(['plan', 'stagemig.yaml', '--out', 'p.json'], { cwd: dir })).exitCode).toBe(0);
    const original = readFileSync(join(dir, 'p.json'), 'utf8');
    for (const [what, forge, refusal] of forgeries) {
      const doc = JSON.parse(original) as Json;
      forge(doc);
      writeFileSync(join(dir, 'p.json'), JSON.stringify(doc, null, 2));
      const r = await runCli(['apply', 'p.json'], { cwd: dir, env: { CI_TOKEN: FOREIGN_SECRET } });
      expect([what, r.exitCode], r.stderr).toEqual([what, 1]);
      expect(r.stderr, what).toMatch(refusal);
      expect(r.stderr, what).not.toMatch(/internal error|TypeError/);
      expect(r.stdout + r.stderr, what).not.toContain(FOREIGN_SECRET);
      expect(existsSync(join(dir, '.stagemig', 'simulator.json')), what).toBe(false);
    }
    // The untouched file still applies.
    writeFileSync(join(dir, 'p.json'), original);
    const ok = await runCli(['apply', 'p.json'], { cwd: dir });
    expect([ok.exitCode, ok.stderr]).toEqual([0, '']);
  }, 300_000);
});
