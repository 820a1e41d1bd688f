import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, PASSWORD } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

describe('plan --format powershell', () => {
  it('prints a runbook of the plan that reads secrets at run time and writes nothing', async () => {
    const dir = copyExample();
    const r = await runCli(['plan', 'stagemig.yaml', '--format', 'powershell', '--detailed-exitcode'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain("$ErrorActionPreference = 'Stop'");
    expect(r.stdout).toMatch(/New-MigrationEndpoint[\s\S]*New-MigrationBatch[\s\S]*StagedBatch3/);
    expect(r.stdout).toContain('STAGEMIG_ONPREM_PASSWORD');
    const csvPasswords = readFileSync(join(dir, 'batches', 'wave2-sales.csv'), 'utf8').match(/Welcome-[^,\r\n]+/g) ?? [];
    expect(csvPasswords.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, ...csvPasswords]) expect(r.stdout).not.toContain(secret);
  });

  it('is not a view of a saved plan (show has no YAML to read secrets and CSVs from)', async () => {
    const dir = copyExample();
    expect((await runCli(['plan', 'stagemig.yaml', '--out', 'plan.json'], { cwd: dir })).exitCode).toBe(0);
    const r = await runCli(['show', 'plan.json', '--format', 'powershell'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Unknown output format "powershell"');
  });
});
