// Paths on Windows and elsewhere: shown and stored with forward slashes, relative where possible,
// and runbooks that find their files relative to themselves. Windows cases run here through path.win32.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/config/index.js';
import { portablePath, portableRelative } from '../../src/model/index.js';
import { EXAMPLE } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('portable paths (path.win32 cases)', () => {
  const w = path.win32;
  it.each([
    ['C:\\work\\mig\\batches\\wave1.csv', 'C:\\work\\mig', 'batches/wave1.csv'],
    ['C:\\work\\mig\\stagemig.yaml', 'C:\\work', 'mig/stagemig.yaml'],
    ['c:\\WORK\\mig\\stagemig.yaml', 'C:\\work', 'mig/stagemig.yaml'],
    ['D:\\other\\stagemig.yaml', 'C:\\work', 'D:/other/stagemig.yaml'],
    ['C:\\elsewhere\\stagemig.yaml', 'C:\\work', 'C:/elsewhere/stagemig.yaml'],
    ['\\\\server\\share\\mig\\stagemig.yaml', 'C:\\work', '//server/share/mig/stagemig.yaml'],
  ])('displayPath(%s, cwd %s) = %s', (abs, cwd, shown) => {
    expect(displayPath(abs, cwd, w)).toBe(shown);
  });

  it.each([
    ['C:\\work', 'C:\\work\\migration', 'migration'],
    ['C:\\work\\runbooks', 'C:\\work\\migration', '../migration'],
    ['C:\\work', 'C:\\work', '.'],
    ['C:\\work', 'D:\\migration', 'D:/migration'],
  ])('portableRelative(%s, %s) = %s', (from, to, rel) => {
    expect(portableRelative(from, to, w)).toBe(rel);
  });

  it('POSIX paths keep their shape', () => {
    expect(displayPath('/srv/mig/batches/w.csv', '/srv/mig', path.posix)).toBe('batches/w.csv');
    expect(portableRelative('/srv/runbooks', '/srv/mig', path.posix)).toBe('../mig');
    expect(portablePath('batches\\wave 1.csv')).toBe('batches/wave 1.csv');
  });
});

describe('saved plans and runbooks carry no absolute path of the planning machine', () => {
  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'stagemig-paths-'));
    dirs.push(dir);
    cpSync(EXAMPLE, join(dir, 'migration'), { recursive: true });
    return dir;
  }

  it('a saved plan stores relative, forward-slash paths', async () => {
    const dir = workspace();
    expect((await runCli(['plan', 'migration/stagemig.yaml', '--out', 'plan.json'], { cwd: dir })).exitCode).toBe(0);
    const text = readFileSync(join(dir, 'plan.json'), 'utf8');
    expect(text).not.toContain(dir);
    const saved = JSON.parse(text) as { plan_file: string; inputs: Array<{ path: string }> };
    expect(saved.plan_file).toBe('migration/stagemig.yaml');
    expect(saved.inputs.map((i) => i.path)).toContain('migration/batches/wave1-it-pilot.csv');
  });

  it('the runbook finds the plan folder relative to itself ($PSScriptRoot), not by an absolute path', async () => {
    const dir = workspace();
    const r = await runCli(['plan', 'migration/stagemig.yaml', '--format', 'powershell'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain(dir);
    expect(r.stdout).toContain('$RunbookDir = if ($PSScriptRoot) { $PSScriptRoot } else { (Get-Location).Path }');
    expect(r.stdout).toContain("$PlanDir = if ($env:STAGEMIG_PLAN_DIR) { $env:STAGEMIG_PLAN_DIR } else { Join-Path $RunbookDir 'migration' }");
    expect(r.stdout).toContain("Get-StagemigCsvData -Path (Join-Path $PlanDir 'batches/wave1-it-pilot.csv')");
  });

  it('an exchange-online plan: the certificate and a module path are relative to the plan folder too', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'migration', 'modules'));
    const yaml = readFileSync(join(dir, 'migration', 'stagemig.yaml'), 'utf8').replace(
      /backend:\n {2}type: simulator[^\n]*\n/,
      'backend:\n  type: exchange-online\n  appId: 6f1b0f5e-1111-2222-3333-444455556666\n  certificateFile: .secrets/app.pfx\n' +
        '  certificatePasswordEnv: STAGEMIG_CERT_PASSWORD\n  module: ./modules/Stand.psd1\n',
    );
    writeFileSync(join(dir, 'migration', 'eo.yaml'), yaml);
    const { loadPlan } = await import('../../src/config/index.js');
    const { buildPlan } = await import('../../src/plan/index.js');
    const { renderPowershellRunbook } = await import('../../src/render/runbook/powershell-runbook.js');
    const { desired } = await loadPlan('migration/eo.yaml', { cwd: dir });
    const text = renderPowershellRunbook(buildPlan(desired!, { endpoints: [], batches: [], users: [] } as never), desired!, { runbookDir: join(dir, 'runbooks') });
    expect(text).not.toContain(dir);
    expect(text).toContain("Join-Path $RunbookDir '../migration'");
    expect(text).toContain("Import-Module (Join-Path $PlanDir 'modules/Stand.psd1')");
    expect(text).toContain("-CertificateFilePath (Join-Path $PlanDir '.secrets/app.pfx')");
  });
});
