// Hostile names and values reach the service as literals through stagemig → bridge → pwsh → stand-in.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './cli.js';
import { CSV_PASSWORDS, EP, hostileYaml, USERNAME, USERS_A, USERS_B, WAVE_A, WAVE_B, writeHostileCsvs } from './hostile-plan.js';
import { HAS_PWSH } from './pwsh.js';
import { advanceBoth, expectSame, expectSameState, twin } from './twin.js';
import { makeWorkspace, type Workspace } from './workspace.js';

interface StateFile {
  endpoints: Array<{ name: string; username: string; emailAddress?: string }>;
  batches: Array<{ name: string; endpoint: string; notificationEmails: string[] }>;
  users: Array<{ email: string; batch: string; hasPassword?: boolean; forceChangePassword?: boolean }>;
}

describe.runIf(HAS_PWSH)('hostile names and values through real pwsh', () => {
  let ws: Workspace;
  let served: Served;

  beforeAll(async () => {
    ws = await makeWorkspace((_yaml, dir) => (writeHostileCsvs(dir), hostileYaml()), CSV_PASSWORDS);
    served = await serve('served.yaml', ws.dir);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  it('plans and applies exactly as the in-process simulator', async () => {
    const plan = await twin(ws, served, 'plan');
    expectSame(plan);
    expect(plan.exo.stdout).toContain(`-Name 'Wave ''1'' $(Remove-Item x) \`$env:PATH; "q" Zürich ‘‘’’'`);
    const apply = await twin(ws, served, 'apply', ['--auto-approve']);
    expectSame(apply);
    expect(apply.exo.exitCode, apply.exo.stdout + apply.exo.stderr).toBe(0);
    expectSameState(ws);
    await advanceBoth(ws, '6h');
    const again = await twin(ws, served, 'plan', ['--detailed-exitcode']);
    expectSame(again);
    expect(again.exo.exitCode).toBe(0);
  }, 180_000);

  it('the service holds every name, address and account byte for byte', () => {
    const state = JSON.parse(readFileSync(ws.servedState, 'utf8')) as StateFile;
    expect(state.endpoints.map((e) => [e.name, e.username, e.emailAddress])).toEqual([[EP, USERNAME, "o'brien@contoso.com"]]);
    const batches = new Map(state.batches.map((b) => [b.name, b]));
    expect([...batches.keys()].sort()).toEqual([WAVE_A, WAVE_B].sort());
    expect(batches.get(WAVE_A)).toMatchObject({ endpoint: EP, notificationEmails: ["o'neil.team@contoso.com"] });
    const users = new Map(state.users.map((u) => [u.email, u]));
    expect([...users.keys()].sort()).toEqual([...USERS_A, ...USERS_B].sort());
    expect(users.get(USERS_A[0]!)).toMatchObject({ batch: WAVE_A, hasPassword: true, forceChangePassword: false });
    expect(users.get(USERS_A[1]!)).toMatchObject({ batch: WAVE_A, hasPassword: true, forceChangePassword: true });
    expect(users.get(USERS_A[2]!)).toMatchObject({ batch: WAVE_A });
    expect(users.get(USERS_A[2]!)!.hasPassword ?? false).toBe(false);
    expect(users.get(USERS_B[1]!)).toMatchObject({ batch: WAVE_B });
    const text = readFileSync(ws.servedState, 'utf8');
    for (const secret of ws.secrets) expect(text).not.toContain(secret);
  });
});
