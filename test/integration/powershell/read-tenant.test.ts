// Reading what the tenant returns (issue 8 parts 4 and 6), through the built CLI, real pwsh and the stand-in
// (exo.yaml) and in-process (sim.yaml): a status value stagemig does not know makes that one batch or user
// unknown (a warning, no step for it, the JSON says so) while the rest plans as usual; and the cloud directory
// (Get-Mailbox, one bulk read) keeps a mailbox whose migration record is gone known as migrated.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSimulatorFault } from '../../../src/backends/simulator/index.js';
import { serve, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { advanceBoth, cmdletLines, exoRun, expectSame, expectSameState, twin } from './twin.js';
import { makeWorkspace, type Workspace } from './workspace.js';

function editCsv(ws: Workspace, file: string, edit: (lines: string[]) => string[]): void {
  const path = join(ws.dir, 'batches', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8').trimEnd().split(/\r?\n/)).join('\r\n') + '\r\n');
}

describe.runIf(HAS_PWSH)('reading the tenant through real pwsh and the stand-in', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace();
    served = await serve('served.yaml', ws.dir);
    const apply = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(apply);
    expect(apply.exo.exitCode).toBe(0);
    await advanceBoth(ws, '6h');
  }, 180_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('a mailbox whose migration record is gone is still known as migrated (Get-Mailbox, one call)', async () => {
    editCsv(ws, 'wave1-it-pilot.csv', (l) => l.filter((x) => !x.startsWith('annb@')));
    const removed = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(removed);
    expect(removed.exo.stdout).toContain('Remove-MigrationUser');
    expectSameState(ws);
    // annb's record is gone; her cloud mailbox stays. Listing her in another batch submits nothing.
    editCsv(ws, 'wave2-sales.csv', (l) => [...l, 'annb@contoso.com,Welcome-2026!z,True']);
    const plan = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(plan);
    expect(plan.calls['Get-Mailbox']).toBe(1);
    expect(cmdletLines(plan.exo.stdout)).toEqual([]);
    expect(plan.exo.stdout).toContain('1 mailbox is already migrated (a cloud mailbox exists): not submitted again');
    expect(plan.exo.stdout).toContain('needs your decision (it will not change by itself)');
    editCsv(ws, 'wave2-sales.csv', (l) => l.filter((x) => !x.startsWith('annb@')));
  }, 180_000);

  it('an unknown status plans the other resources and warns; the JSON says so', async () => {
    const unknownStatus = { batches: { StagedBatch1: 'Paused' }, users: { 'josé.garcía@contoso.com': 'Hibernating' } };
    for (const f of [ws.referenceState, ws.servedState]) await setSimulatorFault(f, { unknownStatus });
    editCsv(ws, 'wave1-it-pilot.csv', (l) => [...l, 'late.joiner@contoso.com']);
    editCsv(ws, 'wave2-sales.csv', (l) => [...l, 'new.seller@contoso.com,Welcome-2026!q,True']);
    const plan = await twin(ws, served, 'plan');
    expectSame(plan);
    expect(plan.exo.exitCode).toBe(0);
    const steps = cmdletLines(plan.exo.stdout);
    expect(steps.some((s) => s.includes('StagedBatch1'))).toBe(false);
    expect(steps.join('\n')).toMatch(/Set-MigrationBatch .*StagedBatch2.*-AddUsers/);
    expect(plan.exo.stderr).toMatch(/Batch StagedBatch1 has status "Paused", which stagemig does not know/);
    expect(plan.exo.stderr).toMatch(/Migration user josé\.garcía@contoso\.com \(batch StagedBatch2\) has status "Hibernating"/);
    expect(plan.exo.stdout).toContain('has a status stagemig does not know (nothing planned)');

    const json = await exoRun(ws, served, ['plan', 'exo.yaml', '--format', 'json']);
    const doc = JSON.parse(json.r.stdout) as {
      format_version: string; unknown: unknown[]; steps: Array<{ address: string; parameters: Record<string, unknown> }>;
      resource_changes: Array<{ address: string; unknown_status: string | null }>;
    };
    expect(doc.format_version).toBe('1.3');
    expect(doc.unknown).toEqual([
      { kind: 'batch', name: 'StagedBatch1', batch: null, status: 'Paused' },
      { kind: 'user', name: 'josé.garcía@contoso.com', batch: 'StagedBatch2', status: 'Hibernating' },
    ]);
    expect(doc.resource_changes.find((c) => c.address === 'batch.StagedBatch1')!.unknown_status).toBe('Paused');
    expect(doc.steps.map((s) => s.address)).not.toContain('batch.StagedBatch1');
    expect(JSON.stringify(doc.steps)).toContain('new.seller@contoso.com');
    expect(JSON.stringify(doc.steps)).not.toContain('josé.garcía@contoso.com');

    const apply = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(apply);
    expect(apply.exo.exitCode).toBe(0);
    expectSameState(ws);
  }, 240_000);
});
