// Is real PowerShell here? The suite runs only with pwsh; without it, it says so plainly, and when
// STAGEMIG_REQUIRE_PWSH=1 (CI) a missing pwsh is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function findPwsh(): { command: string; version: string } | undefined {
  const candidates = [process.env.STAGEMIG_PWSH, 'pwsh', join(homedir(), '.dotnet', 'tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh')];
  for (const command of candidates) {
    if (!command || (command.includes('/') && !existsSync(command))) continue;
    const r = spawnSync(command, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'], {
      encoding: 'utf8', timeout: 60_000,
    });
    if (r.status === 0) return { command, version: r.stdout.trim() };
  }
  return undefined;
}

export const PWSH = findPwsh();
export const REQUIRE_PWSH = process.env.STAGEMIG_REQUIRE_PWSH === '1';
export const HAS_PWSH = PWSH !== undefined;

if (!HAS_PWSH) {
  const how = REQUIRE_PWSH ? 'STAGEMIG_REQUIRE_PWSH=1 is set, so this is a FAILURE' : 'these tests are SKIPPED';
  console.warn(
    `\n*** The PowerShell integration suite did NOT run: pwsh was not found (PATH, $STAGEMIG_PWSH, ~/.dotnet/tools). ` +
      `${how}. Install it with \`dotnet tool install --global PowerShell --version 7.6.9\` or run .ci/run. ***\n`,
  );
}

/** Environment for the CLI and for pwsh children: the pwsh we found, no colour. */
export function pwshEnv(): Record<string, string> {
  return PWSH ? { STAGEMIG_PWSH: PWSH.command, NO_COLOR: '1' } : {};
}
