import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { invokeCmdlet, loadState, saveState } from '../../src/backends/simulator/index.js';
import { copyExample, copyFolder } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const PLAN = 'stagemig.yaml';
const stateFile = (dir: string) => join(dir, '.stagemig', 'simulator.json');
const run = (dir: string, ...args: string[]) => runCli(args, { cwd: dir });

function addMailbox(dir: string, csv: string, email: string): void {
  const file = join(dir, 'batches', csv);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\r\n${email}\r\n`);
}

/** The example applied and synced, with one new mailbox in wave 1 planned into plan.json: built once, copied per test. */
let withOneChange: string;
beforeAll(async () => {
  const dir = copyExample();
  expect((await run(dir, 'apply', PLAN, '--auto-approve')).exitCode).toBe(0);
  expect((await run(dir, 'simulator', 'advance', PLAN, '6h')).exitCode).toBe(0);
  addMailbox(dir, 'wave1-it-pilot.csv', 'new.hire@contoso.com');
  const plan = await run(dir, 'plan', PLAN, '--out', 'plan.json');
  expect(plan.exitCode).toBe(0);
  expect(plan.stdout).toContain('Saved this plan to plan.json. To run exactly these steps, without a prompt: stagemig apply plan.json');
  withOneChange = dir;
});
const savedPlanWithOneChange = async (): Promise<string> => copyFolder(withOneChange);

/** Runs `apply plan.json`, expecting a refusal that leaves the simulator state file byte-for-byte alone. */
async function refusedUnchanged(dir: string): Promise<string> {
  const before = readFileSync(stateFile(dir), 'utf8');
  const r = await run(dir, 'apply', 'plan.json');
  expect(r.exitCode).toBe(1);
  expect(r.stdout).not.toContain('Apply complete');
  expect(readFileSync(stateFile(dir), 'utf8')).toBe(before);
  return r.stderr;
}

describe('saved plans: plan --out, apply FILE, show FILE', () => {
  it('applies an unchanged saved plan exactly, without a prompt, and then nothing is left to do', async () => {
    const dir = await savedPlanWithOneChange();
    const r = await run(dir, 'apply', 'plan.json');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Applying the saved plan plan.json');
    expect(r.stdout).toContain("[1/2] batch.StagedBatch1: Set-MigrationBatch -Identity 'StagedBatch1' -AddUsers -CSVData (1 row from 'batches/wave1-it-pilot.csv')");
    expect(r.stdout).toContain('Apply complete! 2 cmdlets run.');
    expect((await run(dir, 'plan', PLAN, '--detailed-exitcode')).exitCode).toBe(0);
  });

  it('refuses as stale after a CSV edit, naming the file, and changes nothing', async () => {
    const dir = await savedPlanWithOneChange();
    addMailbox(dir, 'wave2-sales.csv', 'late.addition@contoso.com');
    const stderr = await refusedUnchanged(dir);
    expect(stderr).toContain('batches/wave2-sales.csv:1:1: error: Saved plan is stale: batches/wave2-sales.csv changed since the plan was made');
    expect(stderr).toContain('Run `stagemig plan stagemig.yaml --out plan.json` again');
    expect(stderr).not.toContain('wave1-it-pilot.csv changed');
  });

  it('refuses as stale after the simulated service moved on (simulator advance), naming the batch', async () => {
    const dir = copyExample();
    expect((await run(dir, 'apply', PLAN, '--auto-approve')).exitCode).toBe(0);
    addMailbox(dir, 'wave3-finance.csv', 'new.hire@contoso.com');
    expect((await run(dir, 'plan', PLAN, '--out', 'plan.json')).exitCode).toBe(0);
    expect((await run(dir, 'simulator', 'advance', PLAN, '6h')).exitCode).toBe(0);
    const stderr = await refusedUnchanged(dir);
    expect(stderr).toMatch(/error: Saved plan is stale: batch\.StagedBatch1 changed in the migration service since the plan was made/);
    expect(stderr).toMatch(/batch\.StagedBatch1: status (Syncing|Starting) → Synced/);
  });

  it('refuses as stale after a batch was stopped outside stagemig, pointing at the batch in the YAML', async () => {
    const dir = await savedPlanWithOneChange();
    const state = await loadState(stateFile(dir));
    const stop = invokeCmdlet(state!, { cmdlet: 'Stop-MigrationBatch', parameters: { Identity: 'StagedBatch2' } });
    expect(stop.result.ok).toBe(true);
    await saveState(stateFile(dir), stop.state);
    const stderr = await refusedUnchanged(dir);
    expect(stderr).toMatch(/stagemig\.yaml:\d+:\d+: error: Saved plan is stale: batch\.StagedBatch2 changed in the migration service/);
    expect(stderr).toMatch(/status Synced → (Stopping|Stopped)/);
    expect(stderr).not.toContain('batch.StagedBatch1 changed');
  });

  it('refuses another format version, a report instead of a plan, another organization and planning options', async () => {
    const dir = await savedPlanWithOneChange();
    const saved = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'v2.json'), JSON.stringify({ ...saved, format_version: '2.0' }));
    const v2 = await run(dir, 'apply', 'v2.json');
    expect(v2.exitCode).toBe(1);
    expect(v2.stderr).toContain('error: Saved plan format 2.0 is not supported');
    writeFileSync(join(dir, 'report.json'), (await run(dir, 'plan', PLAN, '--format', 'json')).stdout);
    const report = await run(dir, 'apply', 'report.json');
    expect(report.exitCode).toBe(1);
    expect(report.stderr).toContain('report.json is not a stagemig saved plan');
    const targeted = await run(dir, 'apply', 'plan.json', '--target', 'batch.StagedBatch1');
    expect(targeted.exitCode).toBe(1);
    expect(targeted.stderr).toContain('--target cannot be used with a saved plan');
    const yaml = readFileSync(join(dir, PLAN), 'utf8');
    writeFileSync(join(dir, PLAN), yaml.replace('organization: contoso.onmicrosoft.com', 'organization: fabrikam.onmicrosoft.com'));
    const other = await refusedUnchanged(dir);
    expect(other).toContain('error: Saved plan was made for contoso.onmicrosoft.com (simulator), not fabrikam.onmicrosoft.com (simulator)');
    expect(other).toContain('Saved plan is stale: stagemig.yaml changed since the plan was made');
  });

  it('shows a saved plan as human text, markdown and schema-valid JSON, offline', async () => {
    const dir = await savedPlanWithOneChange();
    const human = await run(dir, 'show', 'plan.json');
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toMatch(/^Saved plan plan\.json: made \S+ by stagemig \S+ from stagemig\.yaml for contoso\.onmicrosoft\.com \(simulator\)\./);
    expect(human.stdout).toContain('+ new.hire@contoso.com');
    expect(human.stdout).toContain('To run exactly these steps: stagemig apply plan.json');
    const json = await run(dir, 'show', 'plan.json', '--format', 'json');
    const doc = JSON.parse(json.stdout) as { saved_plan: string; steps: unknown[]; created_at: string };
    expect(schemaErrors('plan', doc)).toEqual([]);
    expect(doc.saved_plan).toBe('plan.json');
    expect(doc.steps).toHaveLength(2);
    expect(doc.created_at).toBe((JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { created_at: string }).created_at);
    const md = await run(dir, 'show', 'plan.json', '--format', 'markdown');
    expect(md.stdout).toContain('| batch.StagedBatch1 | update | start | 1 |');
    expect(md.stdout).toContain('full plan: `stagemig show plan.json --full`');
    const missing = await run(dir, 'show', 'nope.json');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('Saved plan nope.json does not exist');
  });

  it('says clearly when --out cannot be written or apply runs in another folder, and refuses a refresh-only plan', async () => {
    const dir = copyExample();
    const noDir = await run(dir, 'plan', PLAN, '--out', 'missing/plan.json');
    expect(noDir.exitCode).toBe(1);
    expect(noDir.stderr).toContain('Cannot write the saved plan to missing/plan.json (ENOENT)');
    expect((await run(dir, 'plan', PLAN, '--refresh-only', '--out', 'drift.json')).exitCode).toBe(0);
    expect((await run(dir, 'plan', PLAN, '--out', 'plan.json')).exitCode).toBe(0);
    const elsewhere = await runCli(['apply', join(dir, 'plan.json')], { cwd: join(dir, 'batches') });
    expect(elsewhere.exitCode).toBe(1);
    expect(elsewhere.stderr).toContain('None of the files');
    expect(elsewhere.stderr).toContain('Run `stagemig apply` from that folder');
    const r = await run(dir, 'apply', 'drift.json');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('drift.json is a refresh-only plan: it reports drift and has nothing to apply');
  });
});
