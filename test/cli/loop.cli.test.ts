import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadState, setSimulatorFault, toLiveState } from '../../src/backends/simulator/index.js';
import { copyExample, copyFolder, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
const stateFile = (dir: string) => join(dir, '.stagemig', 'simulator.json');

/** The cmdlet lines of a plan's "Cmdlets, in order" section, without their numbers. */
const cmdletLines = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.replace(/^\s+\d+\. /, ''));

/** The end state that matters, without timestamps. */
async function endState(dir: string) {
  const live = toLiveState(await loadState(stateFile(dir)));
  return {
    endpoints: live.endpoints.map((e) => e.name),
    batches: live.batches.map((b) => [b.name, b.status, b.totalCount, b.pendingCount]),
    users: live.users.map((u) => [u.email, u.batch, u.status]),
  };
}

/** Second wave of edits on an applied, synced example: six steps of every kind. */
function editExample(dir: string): void {
  const csv = join(dir, 'batches', 'wave1-it-pilot.csv');
  const lines = readFileSync(csv, 'utf8').trimEnd().split(/\r?\n/);
  const dropped = lines.splice(lines.findIndex((l) => l.startsWith('tonyk@')), 1);
  expect(dropped).toHaveLength(1);
  lines.push('new.hire1@contoso.com', 'new.hire2@contoso.com');
  writeFileSync(csv, lines.join('\r\n') + '\r\n');
  let yaml = readFileSync(join(dir, PLAN), 'utf8');
  // convertedAt before every sync opens the removal gates (they have their own tests: test/plan/removal-gates.test.ts).
  yaml = yaml.replace('csv: batches/wave2-sales.csv', 'csv: batches/wave2-sales.csv\n    state: removed\n    convertedAt: 2000-01-01T00:00:00Z');
  yaml = yaml.replace(/(StagedBatch3:[\s\S]*?state: )stopped/, '$1started');
  yaml = yaml.replace('notificationEmails: [migration-team@contoso.com]', 'notificationEmails: [wave1@contoso.com]');
  writeFileSync(join(dir, PLAN), yaml);
}

/** The example applied and synced: built once per file, copied per use. */
let synced: Promise<string> | undefined;
async function appliedAndSynced(): Promise<string> {
  synced ??= (async () => {
    const dir = copyExample();
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(['simulator', 'advance', PLAN, '6h'], { cwd: dir })).exitCode).toBe(0);
    return dir;
  })();
  return copyFolder(await synced);
}

describe('validate → plan → apply → plan on the example', () => {
  it('plans without writing, applies, and then has nothing left to do', async () => {
    const dir = copyExample();
    const first = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir });
    expect(first.exitCode).toBe(2);
    expect(first.stdout).toMatch(/Plan: 4 to add, 0 to change, 0 to remove\.\nMailboxes: 30 to add, 0 to remove, 0 to move\.\n$/);
    expect(existsSync(join(dir, '.stagemig'))).toBe(false);
    const apply = await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir });
    expect(apply.exitCode).toBe(0);
    expect(apply.stdout).toContain('[4/4] batch.StagedBatch3: New-MigrationBatch');
    expect(apply.stdout).toContain('Apply complete! 4 cmdlets run.');
    const again = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe('No changes. The migration service matches the plan.\n');
    expect(readFileSync(stateFile(dir), 'utf8')).not.toContain(PASSWORD);
  });

  it('plans exactly the mailboxes added to and dropped from a CSV, and converges', async () => {
    const dir = await appliedAndSynced();
    const csv = join(dir, 'batches', 'wave1-it-pilot.csv');
    const lines = readFileSync(csv, 'utf8').trimEnd().split(/\r?\n/).filter((l) => !l.startsWith('tonyk@'));
    writeFileSync(csv, [...lines, 'ana.silva@contoso.com', 'lars.berg@contoso.com'].join('\r\n') + '\r\n');
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir });
    expect(plan.exitCode).toBe(2);
    expect(cmdletLines(plan.stdout)).toEqual([
      "Remove-MigrationUser -Identity 'tonyk@contoso.com' -Confirm:$false   # batch.StagedBatch1",
      "Set-MigrationBatch -Identity 'StagedBatch1' -AddUsers -CSVData (2 rows from 'batches/wave1-it-pilot.csv')   # batch.StagedBatch1",
      "Start-MigrationBatch -Identity 'StagedBatch1'   # batch.StagedBatch1",
    ]);
    expect(plan.stdout).toContain('~ mailboxes (2 to add, 1 to remove)');
    expect(plan.stdout).toMatch(/Plan: 0 to add, 1 to change, 0 to remove\.\nMailboxes: 2 to add, 1 to remove, 0 to move\.\n$/);
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir })).exitCode).toBe(0);
    const state = await endState(dir);
    expect(state.users.filter((u) => u[1] === 'StagedBatch1').map((u) => u[0])).toContain('ana.silva@contoso.com');
  });

  it('refuses to apply without a terminal or --auto-approve, changing nothing', async () => {
    const dir = copyExample();
    const r = await runCli(['apply', PLAN], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Refusing to apply without confirmation');
    expect(existsSync(stateFile(dir))).toBe(false);
  });

  it('reports a missing password variable before anything runs', async () => {
    const dir = copyExample();
    const r = await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir, env: { STAGEMIG_ONPREM_PASSWORD: undefined } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^stagemig\.yaml:\d+:\d+: error: Environment variable STAGEMIG_ONPREM_PASSWORD is not set/m);
    expect(r.stdout).not.toContain('[1/');
    expect(existsSync(stateFile(dir))).toBe(false);
  });
});

describe('an apply that fails at step k, for every k', () => {
  const scenarios: Array<{ name: string; prepare: () => Promise<string> }> = [
    { name: 'first apply of the example', prepare: async () => copyExample() },
    { name: 'second wave of edits', prepare: async () => { const d = await appliedAndSynced(); editExample(d); return d; } },
  ];
  const reference = new Map<string, { steps: string[]; end: Awaited<ReturnType<typeof endState>> }>();

  beforeAll(async () => {
    for (const s of scenarios) {
      const dir = await s.prepare();
      const steps = cmdletLines((await runCli(['plan', PLAN], { cwd: dir })).stdout);
      expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
      reference.set(s.name, { steps, end: await endState(dir) });
    }
    expect(reference.get('second wave of edits')!.steps).toHaveLength(6);
  }, 120_000);

  for (const s of scenarios) {
    it(`${s.name}: the next plan tells the truth and a re-run converges without duplicates`, async () => {
      const { steps, end } = reference.get(s.name)!;
      for (let k = 1; k <= steps.length; k++) {
        const dir = await s.prepare();
        await setSimulatorFault(stateFile(dir), { failOnWriteCall: k, message: 'Injected fault: the service is unavailable.' });
        const failed = await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir });
        expect(failed.exitCode, `k=${k}`).toBe(1);
        expect(failed.stdout).toContain(`Apply failed at step ${k} of ${steps.length}: Injected fault`);
        const after = await runCli(['plan', PLAN], { cwd: dir });
        expect(cmdletLines(after.stdout), `k=${k}`).toEqual(steps.slice(k - 1));
        expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode, `k=${k}`).toBe(0);
        expect((await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir })).exitCode, `k=${k}`).toBe(0);
        const state = await endState(dir);
        expect(state, `k=${k}`).toEqual(end);
        expect(new Set(state.users.map((u) => u[0])).size).toBe(state.users.length);
      }
    }, 180_000);
  }
});
