// Issue 12, defect 9, through real pwsh: a passwordEnv whose name has a prefix pwsh's environment keeps
// (LC_, DOTNET_, POWERSHELL_, XDG_) never reaches the pwsh process environment, while the endpoint still
// authenticates (the password travels over the bridge's stdin). /proc of the bridge processes is read
// during the run (proc-watch.ts); the stand-in serves the simulator.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './cli.js';
import { HAS_PWSH } from './pwsh.js';
import { exoRun } from './twin.js';
import { makeWorkspace, type Workspace } from './workspace.js';

/** Variable name → its secret value; each name has a prefix the pwsh environment lets through. */
const SECRETS: Record<string, string> = {
  LC_STAGEMIG_PW: 'lc-secret-4c1f',
  DOTNET_STAGEMIG_PW: 'dotnet-secret-9a2e',
  POWERSHELL_STAGEMIG_PW: 'powershell-secret-0b7d',
  XDG_STAGEMIG_PW: 'xdg-secret-66c3',
};

/** One endpoint per variable (the example's endpoint takes the first). */
function endpoints(yaml: string): string {
  const names = Object.keys(SECRETS);
  const extra = names.slice(1).map((env, i) => [
    `  Extra${i + 1}:`,
    '    type: ExchangeOutlookAnywhere',
    '    autodiscover: true',
    '    emailAddress: administrator@contoso.com',
    '    credentials:',
    '      username: CONTOSO\\administrator',
    `      passwordEnv: ${env}`,
    '    maxConcurrentMigrations: 5',
  ].join('\n'));
  return yaml
    .replace('passwordEnv: STAGEMIG_ONPREM_PASSWORD', `passwordEnv: ${names[0]}`)
    .replace('\nbatches:\n', `\n${extra.join('\n')}\n\nbatches:\n`);
}

interface StateFile {
  endpoints: Array<{ name: string; passwordSet: boolean }>;
}

describe.runIf(HAS_PWSH)('passwordEnv with an allowed prefix, through real pwsh', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace(endpoints, Object.values(SECRETS));
    served = await serve('served.yaml', ws.dir);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('the value never reaches the pwsh environment; every endpoint still authenticates', async () => {
    // exoRun reads /proc/<pid>/environ of every bridge process during the run and fails on any secret in it.
    const { r } = await exoRun(ws, served, ['apply', 'exo.yaml', '--auto-approve'], SECRETS);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Apply complete!');
    const state = JSON.parse(readFileSync(ws.servedState, 'utf8')) as StateFile;
    expect(state.endpoints.map((e) => [e.name, e.passwordSet]).sort()).toEqual([
      ['Extra1', true], ['Extra2', true], ['Extra3', true], ['StagedEndpoint', true],
    ]);
  }, 180_000);
});
