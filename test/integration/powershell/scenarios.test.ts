// The simulator suite's scenarios, driven through real pwsh (exo.yaml) and in-process (sim.yaml):
// the same plans, the same apply output and the same end state, step after step.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSimulatorFault } from '../../../src/backends/simulator/index.js';
import { serve, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { advanceBoth, cmdletLines, expectSame, expectSameState, twin } from './twin.js';
import { makeWorkspace, readPlan, writePlans, type Workspace } from './workspace.js';

const FAULT = 'Injected fault: the service is unavailable.';

function editCsv(ws: Workspace, file: string, edit: (lines: string[]) => string[]): void {
  const path = join(ws.dir, 'batches', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8').trimEnd().split(/\r?\n/)).join('\r\n') + '\r\n');
}

/** Sets a batch's `state:` in the plan text, adding the line when the batch has none (default started). */
function setState(name: string, state: 'started' | 'stopped' | 'removed'): (yaml: string) => string {
  return (yaml) => {
    const block = new RegExp(`(\\n  ${name}:\\n)((?: {4}.*\\n|\\s*#.*\\n)*)`);
    return yaml.replace(block, (_m, head: string, body: string) => {
      const rest = body.replace(/^ {4}state: .*\n/m, '');
      return `${head}    state: ${state}\n${rest}`;
    });
  };
}

function editPlan(ws: Workspace, edit: (yaml: string) => string): void {
  const before = readPlan(ws.dir);
  const after = edit(before);
  expect(after).not.toBe(before);
  writePlans(ws.dir, after);
}

describe.runIf(HAS_PWSH)('exchange-online through real pwsh matches the in-process simulator', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace();
    served = await serve('served.yaml', ws.dir);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('create and start: first apply of the example, then nothing left to do', async () => {
    const plan = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(plan);
    expect(plan.exo.exitCode).toBe(2);
    expect(plan.calls).toMatchObject({ 'Get-MigrationEndpoint': 1, 'Get-MigrationBatch': 1, 'Get-MigrationUser': 1 });
    const apply = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(apply);
    expect(apply.exo.stdout).toContain('Apply complete! 4 cmdlets run.');
    expectSameState(ws);
    await advanceBoth(ws, '6h');
    const again = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(again);
    expect(again.exo.stdout.trim()).toBe('No changes. The migration service matches the plan.');
    expectSameState(ws);
  }, 180_000);

  it('add and remove users, start a stopped batch, remove a batch', async () => {
    editCsv(ws, 'wave1-it-pilot.csv', (l) => [...l.filter((x) => !x.startsWith('tonyk@')), 'new.hire1@contoso.com', 'new.hire2@contoso.com']);
    editPlan(ws, (y) => setState('StagedBatch3', 'started')(setState('StagedBatch2', 'removed')(y)));
    const plan = await twin(ws, served, 'plan', ['--allow-remove']);
    expectSame(plan);
    expect(cmdletLines(plan.exo.stdout)).toHaveLength(5);
    expectSame(await twin(ws, served, 'apply', ['--auto-approve', '--allow-remove']));
    expectSameState(ws);
    await advanceBoth(ws, '10m');
    expectSame(await twin(ws, served, 'plan'));
    expectSameState(ws);
  }, 180_000);

  it('stop a running batch, then remove it', async () => {
    editPlan(ws, setState('StagedBatch3', 'stopped'));
    const stop = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(stop);
    expect(cmdletLines((await twin(ws, served, 'plan')).exo.stdout)).toEqual([]);
    expect(stop.exo.stdout).toContain('Stop-MigrationBatch');
    await advanceBoth(ws, '5m');
    editPlan(ws, setState('StagedBatch3', 'removed'));
    const held = await twin(ws, served, 'plan');
    expectSame(held);
    expect(held.exo.stdout).toContain('note: Removal held: ');
    const remove = await twin(ws, served, 'apply', ['--auto-approve', '--allow-remove']);
    expectSame(remove);
    expect(remove.exo.stdout).toContain('Remove-MigrationBatch');
    await advanceBoth(ws, '10m');
    expectSame(await twin(ws, served, 'plan', ['--detailed-exitcode']));
    expectSameState(ws);
  }, 180_000);

  it('a failure part-way stops both at the same step; re-applying converges to the same state', async () => {
    await advanceBoth(ws, '6h');
    editCsv(ws, 'wave1-it-pilot.csv', (l) => [...l.filter((x) => !x.startsWith('annb@')), 'new.hire3@contoso.com']);
    writeFileSync(join(ws.dir, 'batches', 'wave4.csv'), 'EmailAddress\r\nwave4.a@contoso.com\r\nwave4.b@contoso.com\r\n');
    // StagedBatch3 (removed above after its mailboxes were provisioned) is created again: its migrated mailboxes
    // are not submitted again, on both sides alike.
    editPlan(ws, (y) => `${setState('StagedBatch3', 'started')(y).trimEnd()}\n  StagedBatch4:\n    endpoint: StagedEndpoint\n    csv: batches/wave4.csv\n`);
    const steps = cmdletLines((await twin(ws, served, 'plan')).exo.stdout);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const f of [ws.referenceState, ws.servedState]) await setSimulatorFault(f, { failOnWriteCall: 2, message: FAULT });
    const failed = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(failed);
    expect(failed.exo.exitCode).toBe(1);
    expect(failed.exo.stdout).toContain(`Apply failed at step 2 of ${steps.length}: ${FAULT}`);
    expectSameState(ws);
    const rest = await twin(ws, served, 'plan');
    expectSame(rest);
    expect(cmdletLines(rest.exo.stdout)).toEqual(steps.slice(1));
    expectSame(await twin(ws, served, 'apply', ['--auto-approve']));
    await advanceBoth(ws, '6h');
    const done = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(done);
    expect(done.exo.exitCode, done.exo.stdout).toBe(0);
    expectSameState(ws);
  }, 240_000);
});
