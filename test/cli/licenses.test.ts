// Licences (seed step 7) on the simulator, in-process: plan shows Update-MgUser and Set-MgUserLicense for
// the Synced mailboxes of a batch that declares `license`, apply makes them, and an unknown SKU is an error.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState } from '../../src/backends/simulator/index.js';
import { readLicensing } from '../../src/backends/simulator/licensing.js';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const PLAN = 'stagemig.yaml';
const steps = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.trim().replace(/^\d+\. /, ''));

function licensed(dir: string, sku: string): void {
  const path = join(dir, PLAN);
  writeFileSync(path, readFileSync(path, 'utf8').replace('    csv: batches/wave1-it-pilot.csv\n', `    csv: batches/wave1-it-pilot.csv\n    license: {skuPartNumber: ${sku}, usageLocation: DE}\n`));
}

describe('licences (seed step 7)', () => {
  it('assigns the batch licence to each Synced mailbox, after its usage location, and converges', async () => {
    const dir = copyExample();
    licensed(dir, 'ENTERPRISEPACK');
    const cli = (...args: string[]) => runCli(args, { cwd: dir });
    expect((await cli('apply', PLAN, '--auto-approve')).exitCode).toBe(0);
    const early = await cli('plan', PLAN);
    expect(early.stdout).toContain('note: 10 mailboxes get ENTERPRISEPACK once Synced (a licence before the migration would create a second mailbox).');
    expect(steps(early.stdout).filter((s) => s.includes('Mg'))).toEqual([]);
    expect((await cli('simulator', 'advance', PLAN, '6h')).exitCode).toBe(0);
    const plan = await cli('plan', PLAN, '--detailed-exitcode');
    expect(plan.exitCode).toBe(2);
    const graph = steps(plan.stdout);
    expect(graph).toHaveLength(20);
    expect(graph[0]).toMatch(/^Update-MgUser -UserId '\S+@contoso\.com' -UsageLocation 'DE'\s+# batch\.StagedBatch1$/);
    expect(graph[10]).toMatch(/^Set-MgUserLicense -UserId '\S+@contoso\.com' -AddLicenses @\(@\{SkuId='6fd2c87f-b296-42f0-b197-1e91e994b900'\}\) -RemoveLicenses @\(\)\s+# batch\.StagedBatch1$/);
    expect(plan.stdout).toContain('~ license = "0 of 10 licensed" -> "ENTERPRISEPACK (DE) for 10 more mailboxes"');
    expect((await cli('apply', PLAN, '--auto-approve')).exitCode).toBe(0);
    const users = readLicensing(await loadState(join(dir, '.stagemig', 'simulator.json'))).users.filter((u) => u.assignedSkuIds.length > 0);
    expect(users).toHaveLength(10);
    expect(users.every((u) => u.usageLocation === 'DE')).toBe(true);
    expect((await cli('plan', PLAN, '--detailed-exitcode')).exitCode).toBe(0);
  });

  it('refuses a SKU the tenant does not have, at the line of `license`, listing the ones it has', async () => {
    const dir = copyExample();
    licensed(dir, 'NOPE_E9');
    const line = readFileSync(join(dir, PLAN), 'utf8').split('\n').findIndex((l) => l.startsWith('    license:')) + 1;
    const r = await runCli(['plan', PLAN], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`stagemig.yaml:${line}:5: error: batch StagedBatch1: the tenant has no subscription with SKU part number NOPE_E9`);
    expect(r.stderr).toContain('hint: Use one the tenant lists (Get-MgSubscribedSku): ENTERPRISEPACK, EXCHANGESTANDARD, SPE_E3.');
  });
});
