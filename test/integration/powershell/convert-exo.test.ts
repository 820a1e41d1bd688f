// `stagemig convert` through real pwsh, the bridge and the stand-in's Get-Mailbox: one bulk read,
// and the same files as the in-process simulator writes.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, stagemigInProcess, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { advanceBoth, exoRun, twin } from './twin.js';
import { makeWorkspace, type Workspace } from './workspace.js';

describe.runIf(HAS_PWSH)('stagemig convert through the exchange-online backend', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace();
    served = await serve('served.yaml', ws.dir);
    expect((await twin(ws, served, 'apply', ['--auto-approve'])).exo.exitCode).toBe(0);
    await advanceBoth(ws, '2d');
  }, 180_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('reads the mailboxes with one Get-Mailbox call and writes what the simulator writes', async () => {
    const ref = await stagemigInProcess(['convert', 'sim.yaml', '--batch', 'StagedBatch2', '--out', 'conv-sim'], { cwd: ws.dir });
    expect(ref.exitCode, ref.stderr).toBe(0);
    const { r, calls } = await exoRun(ws, served, ['convert', 'exo.yaml', '--batch', 'StagedBatch2', '--out', 'conv-exo']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(calls['Get-Mailbox']).toBe(1);
    expect(r.stdout.replaceAll('conv-exo', 'conv-sim')).toBe(ref.stdout);
    for (const f of ['mailboxes.csv', 'proxy-addresses.csv', 'Convert-StagemigBatch.ps1']) {
      expect(readFileSync(join(ws.dir, 'conv-exo', f)).equals(readFileSync(join(ws.dir, 'conv-sim', f))), f).toBe(true);
    }
  }, 120_000);

  it('refuses a batch that is not Synced with no read beyond the live one', async () => {
    const { r, calls } = await exoRun(ws, served, ['convert', 'exo.yaml', '--batch', 'StagedBatch3', '--out', 'conv3']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('mailboxes of batch StagedBatch3 are not Synced; nothing was written');
    // The live read's own Get-Mailbox (the cloud directory); nothing is read for the conversion.
    expect(calls['Get-Mailbox']).toBe(1);
  }, 120_000);
});
