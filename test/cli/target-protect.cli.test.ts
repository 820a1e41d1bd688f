import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState, toLiveState } from '../../src/backends/simulator/index.js';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
const cmdletLines = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.replace(/^\s+\d+\. /, '').replace(/\s+#.*$/, '').split(' -')[0]! + l.replace(/^.*# /, ' # '));

function edit(dir: string, change: (yaml: string) => string): void {
  writeFileSync(join(dir, PLAN), change(readFileSync(join(dir, PLAN), 'utf8')));
}

describe('--target', () => {
  it('limits plan and apply to the targeted batch and its endpoint', async () => {
    const dir = copyExample();
    const plan = await runCli(['plan', PLAN, '--target', 'batch.StagedBatch2', '--detailed-exitcode'], { cwd: dir });
    expect(plan.exitCode).toBe(2);
    expect(cmdletLines(plan.stdout)).toEqual(['New-MigrationEndpoint # endpoint.StagedEndpoint', 'New-MigrationBatch # batch.StagedBatch2']);
    expect(plan.stdout).toContain('Warning: --target is in effect: only endpoint.StagedEndpoint, batch.StagedBatch2 are planned');
    expect(plan.stdout).toMatch(/Plan: 2 to add, 0 to change, 0 to remove\.\nMailboxes: 10 to add, 0 to remove, 0 to move\.\n$/);
    const two = await runCli(['plan', PLAN, '--target', 'batch.StagedBatch2', '--target', 'batch.stagedbatch3'], { cwd: dir });
    expect(cmdletLines(two.stdout)).toEqual(['New-MigrationEndpoint # endpoint.StagedEndpoint', 'New-MigrationBatch # batch.StagedBatch2', 'New-MigrationBatch # batch.StagedBatch3']);
    expect((await runCli(['apply', PLAN, '--target', 'batch.StagedBatch2', '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    const live = toLiveState(await loadState(join(dir, '.stagemig', 'simulator.json')));
    expect(live.batches.map((b) => b.name)).toEqual(['StagedBatch2']);
    const rest = await runCli(['plan', PLAN], { cwd: dir });
    expect(cmdletLines(rest.stdout)).toEqual(['New-MigrationBatch # batch.StagedBatch1', 'New-MigrationBatch # batch.StagedBatch3']);
  });

  it('rejects a target that names nothing, with a suggestion', async () => {
    const dir = copyExample();
    const r = await runCli(['plan', PLAN, '--target', 'batch.StagedBatch4'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error: --target batch.StagedBatch4 does not name an endpoint or batch in the plan');
    expect(r.stderr).toContain('did you mean `batch.StagedBatch1`?');
  });
});

describe('removal protection', () => {
  async function applied(): Promise<string> {
    const dir = copyExample();
    expect((await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    return dir;
  }

  it('holds the removal of a batch whose mailboxes are not all Synced (pending, not an error); --allow-remove warns what it skips', async () => {
    const dir = await applied();
    edit(dir, (y) => y.replace(/(StagedBatch2:\n[\s\S]*?csv: batches\/wave2-sales.csv\n)/, '$1    state: removed\n    protect: false\n'));
    const line = readFileSync(join(dir, PLAN), 'utf8').split('\n').indexOf('  StagedBatch2:') + 1;
    const plan = await runCli(['plan', PLAN, '--detailed-exitcode'], { cwd: dir });
    expect(plan.exitCode).toBe(2);
    expect(plan.stderr).toBe('');
    expect(cmdletLines(plan.stdout)).toEqual([]);
    expect(plan.stdout).toMatch(/note: Removal held: 10 of its 10 mailboxes are not Synced \(/);
    expect(plan.stdout).toContain('note: Removal held: the conversion of its on-premises mailboxes to mail-enabled users is not recorded; opens once `convertedAt` is set on batch StagedBatch2');
    const apply = await runCli(['apply', PLAN, '--auto-approve'], { cwd: dir });
    expect(apply.exitCode).toBe(0);
    expect(apply.stdout).not.toContain('Stop-MigrationBatch');
    const allowed = await runCli(['plan', PLAN, '--allow-remove'], { cwd: dir });
    expect(allowed.exitCode).toBe(0);
    expect(cmdletLines(allowed.stdout)).toEqual(['Stop-MigrationBatch # batch.StagedBatch2']);
    expect(allowed.stderr).toMatch(new RegExp(`^stagemig\\.yaml:${line}:3: warning: --allow-remove: removing batch\\.StagedBatch2 although 10 of its 10 mailboxes are not Synced \\(.*\\); the conversion of its on-premises mailboxes to mail-enabled users is not recorded; no sync after the conversion`));
    expect(allowed.stdout).toContain('note: --allow-remove skips 3 closed gates: 10 of its 10 mailboxes are not Synced');
  });

  it('refuses to remove an endpoint unless allowed', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'empty.yaml'), 'version: 1\norganization: contoso.onmicrosoft.com\nendpoints:\n  StagedEndpoint: {type: ExchangeOutlookAnywhere, autodiscover: true, emailAddress: a@contoso.com, credentials: {username: u, passwordEnv: STAGEMIG_ONPREM_PASSWORD}}\n');
    expect((await runCli(['apply', 'empty.yaml', '--auto-approve'], { cwd: dir })).exitCode).toBe(0);
    writeFileSync(join(dir, 'empty.yaml'), readFileSync(join(dir, 'empty.yaml'), 'utf8').replace('{type:', '{state: removed, type:'));
    const refused = await runCli(['plan', 'empty.yaml'], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^empty\.yaml:4:3: error: Refusing to plan the removal of endpoint\.StagedEndpoint: endpoints are protected against removal/);
    const allowed = await runCli(['apply', 'empty.yaml', '--allow-remove', '--auto-approve'], { cwd: dir });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.stdout).toContain('Remove-MigrationEndpoint');
  });
});
