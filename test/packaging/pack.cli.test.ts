// Packaging: what `npm pack` ships, and that installing the tarball puts `stagemig` on PATH.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string; license: string; bin: Record<string, string>; scripts: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'stagemig-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function packedFiles(): Promise<string[]> {
  const r = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
  const [entry] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
  return entry!.files.map((f) => f.path);
}

describe('package contents', () => {
  it('ships the built CLI, the schemas (with their validators compiled at build time), the PowerShell modules and the licence, and no bench or test code', async () => {
    const files = await packedFiles();
    expect(files).toEqual(expect.arrayContaining([
      'LICENSE', 'README.md', 'package.json', pkg.bin.stagemig!, 'dist/src/stagemig.cjs', 'dist/src/stagemig.cjs.cache', 'schemas/stagemig.schema.json', 'dist/schemas/stagemig.schema.cjs', 'powershell/bridge.ps1',
    ]));
    const unwanted = files.filter((f) => /^(dist\/)?(bench|test)\//.test(f) || /\.test\.[jt]s$/.test(f) || f.startsWith('src/'));
    expect(unwanted).toEqual([]);
  });

  it('LICENSE is the MIT licence that package.json declares', () => {
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(pkg.license).toBe('MIT');
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} stagemig contributors\n/);
  });

  it('npm scripts need no POSIX-only tool (they run under cmd.exe on Windows too)', () => {
    const posixOnly = /(^|[\s;&|(])(chmod|chown|rm|cp|mv|ln|mkdir|sed|grep|cat|touch|export)\s/;
    const offending = Object.entries(pkg.scripts).filter(([, cmd]) => posixOnly.test(cmd) || /\$\w|\/dev\/null/.test(cmd));
    expect(offending).toEqual([]);
    // npm makes the bin executable on install; it only needs its shebang.
    expect(readFileSync(join(ROOT, pkg.bin.stagemig!), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});

describe('installing the packed tarball', () => {
  it('`npm install -g ./stagemig-<version>.tgz` puts a working `stagemig` on PATH', async () => {
    await execa('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
    const tgz = join(work, `stagemig-${pkg.version}.tgz`);
    const prefix = join(work, 'global');
    // --prefer-offline: the dependencies come from npm's cache once `npm ci` has filled it.
    await execa('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tgz], { cwd: work });
    const bin = process.platform === 'win32' ? prefix : join(prefix, 'bin');
    const r = await execa('stagemig', ['version'], {
      cwd: work, env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }, reject: false,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`stagemig ${pkg.version}`);
    expect(r.exitCode).toBe(0);
  }, 120_000);
});
