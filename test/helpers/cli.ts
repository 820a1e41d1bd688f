import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

export const CLI = resolve(__dirname, '../../dist/src/bin.cjs');
export const EXAMPLE = resolve(__dirname, '../../examples/contoso');
export const PASSWORD = 'Rehearsal-Only-9f3b';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would: a subprocess with no terminal. */
export async function stagemig(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  const r = await execa(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: { NO_COLOR: '1', STAGEMIG_ONPREM_PASSWORD: PASSWORD, ...opts.env },
    extendEnv: true,
    reject: false,
    stdin: 'ignore',
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A private copy of the bundled example in a temporary folder. */
export function copyExample(): string {
  return copyFolder(EXAMPLE);
}

/** A private copy of a folder (e.g. a fixture a file built once in beforeAll) in a temporary folder. */
export function copyFolder(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-e2e-'));
  cpSync(src, dir, { recursive: true });
  return dir;
}
