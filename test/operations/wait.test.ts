// apply --wait against a service without a simulated clock (as Exchange Online): stagemig sleeps the
// --interval between reads and measures the timeout on the wall clock.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { createSimulatorBackend } from '../../src/backends/simulator/index.js';
import { hostOf, type Io } from '../../src/cli/io.js';
import { waitAfterApply, waitSucceeded } from '../../src/operations/wait.js';
import { createApplyView } from '../../src/render/apply/apply-view.js';
import type { PlanSession } from '../../src/operations/plan-session.js';
import { buildPlan } from '../../src/plan/index.js';
import type { DesiredState } from '../../src/model/index.js';
import { batch, desired } from '../helpers/states.js';

const T0 = new Date('2026-06-01T06:00:00Z');

async function tenant() {
  const stateFile = join(await mkdtemp(join(tmpdir(), 'stagemig-tenant-')), '.stagemig', 'simulator.json');
  const d = { ...desired([batch('W1', ['a@contoso.com', 'b@contoso.com'])]), planFile: join(stateFile, '..', '..', 'stagemig.yaml') };
  const sim = createSimulatorBackend({ stateFile, now: () => T0 });
  // The real service has no clock to move: time passes only while stagemig sleeps.
  const backend: Backend = { readLive: () => sim.readLive(), readMailboxes: () => sim.readMailboxes(), run: (i) => sim.run(i), close: async () => {} };
  let wall = T0.getTime();
  const sleeps: number[] = [];
  const out: string[] = [];
  const io: Io = {
    stdout: (t) => out.push(t), stderr: (t) => out.push(t), isTTY: false, stdinIsTTY: false, color: false,
    env: { ONPREM_PW: 'secret' }, cwd: tmpdir(), prompt: async () => '', now: () => new Date(wall),
    onInterrupt: () => () => {},
    sleep: async (ms) => {
      sleeps.push(ms);
      wall += ms;
      await sim.clock.advance(ms);
    },
  };
  let reads = 0;
  const counted: Backend = { ...backend, readLive: () => (reads++, backend.readLive()) };
  const view = createApplyView(io, { color: false, isTTY: false });
  /** Waits like `apply --wait` for `want` (default: W1 with a@ and b@), prints the outcome, and returns the exit code. */
  const wait = async (args: { intervalMs: number; timeoutMs?: number }, want: DesiredState = d): Promise<number> => {
    const live = await backend.readLive();
    const session: PlanSession = { desired: want, backend: counted, live, plan: buildPlan(want, live), replan: async (l) => buildPlan(want, l), warnings: [], options: { targets: [] } };
    const r = await waitAfterApply(hostOf(io), session, args, view);
    view.waitFinished(r.outcome, r.simulated);
    return waitSucceeded(r) ? 0 : 1;
  };
  return { wait, sleeps, out, d, reads: () => reads };
}

describe('apply --wait on a service without a simulated clock', () => {
  it('sleeps the interval between reads until the batches are synced', async () => {
    const t = await tenant();
    expect(await t.wait({ intervalMs: 5 * 60_000 })).toBe(0);
    expect(t.sleeps.length).toBeGreaterThan(5);
    expect(t.sleeps.every((ms) => ms === 5 * 60_000)).toBe(true);
    expect(t.out.join('')).toMatch(/Converged after \S+: every batch is at its desired state\./);
    expect(t.out.join('')).not.toContain('simulated time');
  });

  it('gives up at the timeout measured on the wall clock', async () => {
    const t = await tenant();
    expect(await t.wait({ intervalMs: 60_000, timeoutMs: 10 * 60_000 })).toBe(1);
    expect(t.sleeps.reduce((a, b) => a + b, 0)).toBe(10 * 60_000);
    expect(t.out.join('')).toContain('Timed out after 10m; still waiting for: batch.W1');
  });

  it('stops at the first read, with no sleep, when what is left needs your decision', async () => {
    const t = await tenant();
    const both = (w1: string[], w2: string[]) => ({ ...t.d, batches: [batch('W1', w1), batch('W2', w2)] });
    expect(await t.wait({ intervalMs: 60_000 }, both(['a@contoso.com', 'b@contoso.com'], ['c@contoso.com']))).toBe(0);
    const [sleeps, reads] = [t.sleeps.length, t.reads()];
    expect(sleeps).toBeGreaterThan(0);
    // a@ was migrated by W1; the YAML now lists it in W2: a move the service never makes, whatever the wait.
    expect(await t.wait({ intervalMs: 60_000 }, both(['b@contoso.com'], ['c@contoso.com', 'a@contoso.com']))).toBe(1);
    expect(t.reads() - reads).toBe(1);
    expect(t.sleeps.length - sleeps).toBe(0);
    expect(t.out.join('')).toContain('batch.W2 needs your decision: 1 mailbox is already migrated');
  });
});
