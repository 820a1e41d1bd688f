// Real pwsh: a runbook saved in another folder and run from a third one still finds the plan's CSV
// files, relative to itself ($PSScriptRoot), not by the planning machine's absolute path.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../helpers/cli.js';
import { runCli } from '../../helpers/in-process.js';
import { HAS_PWSH, PWSH } from './pwsh.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.runIf(HAS_PWSH)('runbook location in real pwsh', () => {
  it('finds its CSV files after the whole folder is moved, run from another working directory', async () => {
    const planned = mkdtempSync(join(tmpdir(), 'stagemig-planned-'));
    const moved = mkdtempSync(join(tmpdir(), 'stagemig-moved-'));
    dirs.push(planned, moved);
    cpSync(EXAMPLE, join(planned, 'migration'), { recursive: true });
    const r = await runCli(['plan', 'migration/stagemig.yaml', '--format', 'powershell'], { cwd: planned });
    expect(r.exitCode).toBe(0);
    // Only the lines that locate files, then resolve each CSV the runbook names.
    const locate = r.stdout.split('\n').filter((l) => /^\$(RunbookDir|PlanDir) = /.test(l));
    const csvs = [...r.stdout.matchAll(/Join-Path \$PlanDir ('[^']+\.csv')/g)].map((m) => m[1]!);
    expect(locate).toHaveLength(2);
    expect(csvs).toHaveLength(3);
    const probe = [...locate, ...csvs.map((c) => `(Resolve-Path -LiteralPath (Join-Path $PlanDir ${c})).Path`)].join('\n');
    writeFileSync(join(planned, 'probe.ps1'), `${probe}\n`);
    // Move everything elsewhere (another machine, another checkout) and run from a third folder.
    renameSync(join(planned, 'migration'), join(moved, 'migration'));
    renameSync(join(planned, 'probe.ps1'), join(moved, 'probe.ps1'));
    const out = await promisify(execFile)(PWSH!.command, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', join(moved, 'probe.ps1')], { cwd: tmpdir() });
    expect(out.stdout.trim().split(/\r?\n/)).toEqual(['wave1-it-pilot.csv', 'wave2-sales.csv', 'wave3-finance.csv'].map((f) => join(moved, 'migration', 'batches', f)));
  });
});
