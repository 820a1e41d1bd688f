// Adding rows to a never-started batch converges in one apply through real pwsh and the stand-in, as on the
// in-process simulator: apply removes the batch, reads the service until the asynchronous removal has
// finished (here the served simulator's clock is moved while apply waits, as time passes on a tenant), and
// then creates the batch again with the whole CSV.
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, stagemig, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { exoRun, expectSame, expectSameState, twin } from './twin.js';
import { makeWorkspace, type Workspace } from './workspace.js';

const removing = (file: string): boolean =>
  (JSON.parse(readFileSync(file, 'utf8')) as { batches: Array<{ name: string; status: string }> }).batches.some((b) => b.name === 'StagedBatch3' && b.status === 'Removing');

describe.runIf(HAS_PWSH)('replacing a never-started batch through real pwsh', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace();
    served = await serve('served.yaml', ws.dir);
    expectSame(await twin(ws, served, 'apply', ['--auto-approve']));
  }, 180_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('converges in one apply on both sides', async () => {
    appendFileSync(join(ws.dir, 'batches', 'wave3-finance.csv'), 'late.joiner@contoso.com\r\n');
    const ref = await stagemig(['apply', 'sim.yaml', '--auto-approve'], { cwd: ws.dir });
    expect(ref.exitCode, ref.stderr).toBe(0);
    expect(ref.stdout).toContain('Apply complete! 2 cmdlets run.');

    const running = exoRun(ws, served, ['apply', 'exo.yaml', '--auto-approve']);
    // The removal is under way on the served service: let the service's time pass, as a tenant's would.
    const deadline = Date.now() + 120_000;
    while (!removing(ws.servedState) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(removing(ws.servedState)).toBe(true);
    expect((await stagemig(['simulator', 'advance', 'served.yaml', '3m'], { cwd: ws.dir })).exitCode).toBe(0);
    const { r: exo } = await running;
    expect(exo.exitCode, exo.stderr).toBe(0);
    expect(exo.stdout).toContain('Waiting for the removal of batch.StagedBatch3 to finish before creating it again');
    expect(exo.stdout).toContain('Apply complete! 2 cmdlets run.');
    expect(exo.stdout.lastIndexOf('Remove-MigrationBatch')).toBeLessThan(exo.stdout.lastIndexOf('New-MigrationBatch'));
    expectSameState(ws);
    const again = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(again);
    expect(again.exo.exitCode).toBe(0);
  }, 240_000);
});
