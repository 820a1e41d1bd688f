// Drift edge cases: refresh-only without a record, `simulator reset` and the record, a batch whose
// YAML block was deleted after stagemig created it.
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const RECORD = join('.stagemig', 'stagemig.applied.json');

function example(): { dir: string; cli: (args: string[]) => ReturnType<typeof runCli> } {
  const dir = copyExample();
  dirs.push(dir);
  return { dir, cli: (args) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: '2026-12-01T08:00:00Z' } }) };
}

describe('plan --refresh-only without a last-applied record', () => {
  it('says loudly that drift cannot be told apart and exits 2 when the service differs', async () => {
    const { cli } = example();
    const r = await cli(['plan', 'stagemig.yaml', '--refresh-only', '--detailed-exitcode']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(/^Warning: drift cannot be told apart: there is no record of an earlier `stagemig apply` of this plan\.\n/);
    expect(r.stdout).toContain('The migration service differs from the YAML for 4 resources: batch.StagedBatch1, batch.StagedBatch2, batch.StagedBatch3, endpoint.StagedEndpoint.');
    const json = await cli(['plan', 'stagemig.yaml', '--refresh-only', '--detailed-exitcode', '--format', 'json']);
    expect(json.exitCode).toBe(2);
    const doc = JSON.parse(json.stdout) as { drift_baseline: string; undetermined: string[]; steps: unknown[] };
    expect(schemaErrors('plan', doc)).toEqual([]);
    expect(doc).toMatchObject({ drift_baseline: 'none', steps: [] });
    expect(doc.undetermined).toHaveLength(4);
  });

  it('exits 0 when the service matches the YAML, and says that nothing drifted either', async () => {
    const { dir, cli } = example();
    expect((await cli(['apply', 'stagemig.yaml', '--auto-approve'])).exitCode).toBe(0);
    unlinkSync(join(dir, RECORD));
    const r = await cli(['plan', 'stagemig.yaml', '--refresh-only', '--detailed-exitcode']);
    expect(r.stdout).toContain('Warning: drift cannot be told apart');
    expect(r.stdout).toContain('The migration service matches the YAML, so nothing has drifted either.');
    expect(r.exitCode).toBe(0);
  });
});

describe('simulator reset', () => {
  it('deletes the last-applied record with the simulated service, so a fresh start reports no drift', async () => {
    const { dir, cli } = example();
    expect((await cli(['apply', 'stagemig.yaml', '--auto-approve'])).exitCode).toBe(0);
    expect(existsSync(join(dir, RECORD))).toBe(true);
    const r = await cli(['simulator', 'reset', 'stagemig.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`Deleted the last-applied record ${join(dir, RECORD)}.`);
    expect(existsSync(join(dir, RECORD))).toBe(false);
    const plan = await cli(['plan', 'stagemig.yaml']);
    expect(plan.stdout).not.toContain('Changes outside stagemig');
    expect(plan.stdout).toContain('Plan: 4 to add, 0 to change, 0 to remove.');
    expect((await cli(['simulator', 'reset', 'stagemig.yaml'])).stdout).not.toContain('last-applied record');
  });
});

describe('a batch stagemig created whose YAML block was deleted', () => {
  it('is shown as no longer in the plan, with what to do, and counts as pending until apply forgets it', async () => {
    const { dir, cli } = example();
    expect((await cli(['apply', 'stagemig.yaml', '--auto-approve'])).exitCode).toBe(0);
    const yaml = readFileSync(join(dir, 'stagemig.yaml'), 'utf8');
    writeFileSync(join(dir, 'stagemig.yaml'), yaml.replace(/\n {2}# Wave 3[\s\S]*$/, '\n'));

    const r = await cli(['plan', 'stagemig.yaml', '--detailed-exitcode']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('No longer in the plan (stagemig applied these; their blocks were deleted from the YAML):\n  batch.StagedBatch3 (Created, 10 mailboxes)\n');
    expect(r.stdout).toContain('put its block back with `state: removed`');
    expect(r.stdout).toContain('run `stagemig apply`; it changes nothing there and forgets it');
    expect(r.stdout).toContain('No changes to run; 1 object is no longer in the plan (see above).');
    expect((await cli(['plan', 'stagemig.yaml', '--refresh-only', '--detailed-exitcode'])).exitCode).toBe(2);

    const json = JSON.parse((await cli(['plan', 'stagemig.yaml', '--format', 'json'])).stdout) as { converged: boolean; unmanaged: unknown[] };
    expect(schemaErrors('plan', json)).toEqual([]);
    expect(json.converged).toBe(false);
    expect(json.unmanaged).toEqual([{ address: 'batch.StagedBatch3', status: 'Created', mailboxes: 10, no_longer_in_plan: true }]);
    const md = (await cli(['plan', 'stagemig.yaml', '--format', 'markdown'])).stdout;
    expect(md).toContain('- batch.StagedBatch3 (Created, 10 mailboxes) — **no longer in the plan**');

    const forget = await cli(['apply', 'stagemig.yaml', '--auto-approve']);
    expect(forget.exitCode).toBe(0);
    const after = await cli(['plan', 'stagemig.yaml', '--detailed-exitcode']);
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain('Unmanaged objects (in the migration service but not in this plan; left untouched):\n  batch.StagedBatch3');
    expect(after.stdout).not.toContain('No longer in the plan');
  });

  it('plan --detailed-exitcode exits 2 while a deleted block is pending', async () => {
    const { dir, cli } = example();
    expect((await cli(['apply', 'stagemig.yaml', '--auto-approve'])).exitCode).toBe(0);
    const yaml = readFileSync(join(dir, 'stagemig.yaml'), 'utf8');
    writeFileSync(join(dir, 'stagemig.yaml'), yaml.replace(/\n {2}# Wave 3[\s\S]*$/, '\n'));
    const r = await cli(['plan', 'stagemig.yaml', '--detailed-exitcode']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('No longer in the plan');
  });
});
