// Where the package's PowerShell files are: `powershell/` at the package root, both when running
// from the TypeScript sources and from dist/.
//
// Must not: print, or put a secret on pwsh's command line, in its environment or in a log.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'powershell', 'bridge.ps1'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('stagemig is installed without its powershell/ folder (bridge.ps1 is missing)');
    dir = parent;
  }
}

/** The package's powershell/ folder (bridge, stand-in modules, the on-premises conversion script). */
export function powershellFolder(): string {
  return join(packageRoot(), 'powershell');
}

/** The bridge script pwsh runs. */
export function bridgeScriptPath(): string {
  return join(packageRoot(), 'powershell', 'bridge.ps1');
}

/** The StagemigSimulator stand-in module (its .psd1), for `backend.module` in rehearsals. */
export function standInModulePath(): string {
  return join(packageRoot(), 'powershell', 'StagemigSimulator', 'StagemigSimulator.psd1');
}

/** The folder of documented parameter sets, one `<Cmdlet>.json` per cmdlet (powershell/README.md). */
export function parameterSetsDir(): string {
  return join(packageRoot(), 'powershell', 'parameter-sets');
}

/** The pwsh program: $STAGEMIG_PWSH when set, else `pwsh` from PATH. */
export function pwshCommand(env: Readonly<Record<string, string | undefined>>): string {
  const override = env.STAGEMIG_PWSH;
  return override !== undefined && override.trim() !== '' ? override : 'pwsh';
}
