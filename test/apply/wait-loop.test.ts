// apply --wait's loop against the simulator backend: the clock moves, waiting steps run, retries are bounded.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeSteps, materialize } from '../../src/apply/index.js';
import { DEFAULT_WAIT, waitForConvergence, type WaitOutcome } from '../../src/apply/wait-loop.js';
import { createSimulatorBackend, setSimulatorFault, type FaultSettings } from '../../src/backends/simulator/index.js';
import type { DesiredState } from '../../src/model/index.js';
import { buildPlan, targetPlan } from '../../src/plan/index.js';
import { batch, desired } from '../helpers/states.js';

const T0 = new Date('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;

async function harness(faults?: FaultSettings) {
  const stateFile = join(await mkdtemp(join(tmpdir(), 'stagemig-wait-')), 'simulator.json');
  if (faults) await setSimulatorFault(stateFile, faults, () => T0);
  const backend = createSimulatorBackend({ stateFile, now: () => T0 });
  const ran: string[] = [];
  const statuses: string[] = [];
  const env = { ONPREM_PW: 'secret' };
  const run = async (d: DesiredState, timeoutMs = 48 * HOUR, targets: string[] = [], allowRemove = false): Promise<WaitOutcome> =>
    waitForConvergence({
      readLive: () => backend.readLive(),
      replan: async (live) => {
        const plan = buildPlan(d, live, { now: await backend.clock.now(), allowRemove });
        return targets.length ? targetPlan(plan, d, targets) : plan;
      },
      runSteps: async (steps) => {
        ran.push(...steps.map((s) => `${s.cmdlet} ${s.address}`));
        const o = await executeSteps({ steps, backend, materialize: (s) => materialize(s, d, env) });
        return !o.failed;
      },
      now: async () => (await backend.clock.now()).getTime(),
      wait: async (max) => backend.clock.advance(Math.min(max, Math.max(10 * 60_000, Math.min(6 * HOUR, (await backend.clock.nextChangeIn()) ?? 0)))),
      interrupted: () => false,
      progress: (p) => statuses.push(p.map((b) => `${b.name}:${b.status ?? '-'}`).join(' ')),
    }, d, { ...DEFAULT_WAIT, timeoutMs });
  return { backend, ran, statuses, run };
}

const wave = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name.toLowerCase()}${i + 1}@contoso.com`);

describe('waitForConvergence', () => {
  it('creates, waits for the initial sync, and ends converged with every mailbox synced', async () => {
    const h = await harness();
    const outcome = await h.run(desired([batch('W1', wave('W1', 5))]));
    expect(outcome).toMatchObject({ kind: 'converged', failed: [] });
    expect(h.ran).toEqual(['New-MigrationEndpoint endpoint.StagedEndpoint', 'New-MigrationBatch batch.W1']);
    expect(h.statuses.at(-1)).toBe('W1:Synced');
    expect(h.statuses).toContain('W1:Syncing');
    expect((await h.backend.readLive()).users.every((u) => u.status === 'Synced')).toBe(true);
  });

  it('stops a running batch, waits for Stopped, then removes it and waits until it is gone', async () => {
    const h = await harness();
    await h.run(desired([batch('W1', wave('W1', 3))]), 5 * 60_000);
    // A running batch holds the removal gates; --allow-remove lets the wait loop stop and remove it.
    const outcome = await h.run(desired([batch('W1', wave('W1', 3), { state: 'removed' })]), 48 * HOUR, [], true);
    expect(outcome.kind).toBe('converged');
    expect(h.ran.slice(2)).toEqual(['Stop-MigrationBatch batch.W1', 'Remove-MigrationBatch batch.W1']);
    expect((await h.backend.readLive()).batches).toEqual([]);
  });

  it('never moves a mailbox that is already migrated: no step, and the plan says why (issue 8)', async () => {
    const h = await harness();
    await h.run(desired([batch('A', ['m@contoso.com', 'a@contoso.com']), batch('B', ['b@contoso.com'])]));
    const before = h.ran.length;
    const reads = h.statuses.length;
    const outcome = await h.run(desired([batch('A', ['a@contoso.com']), batch('B', ['b@contoso.com', 'm@contoso.com'])]));
    expect(outcome.kind).toBe('blocked');
    expect(outcome.kind === 'blocked' && outcome.changes.map((c) => [c.address, c.waitsFor])).toEqual([['batch.A', 'admin'], ['batch.B', 'admin']]);
    expect(outcome.kind === 'blocked' && outcome.changes.flatMap((c) => c.notes).join('\n')).toMatch(/already migrat/);
    // Waiting never makes that decision: one read, then stop.
    expect(h.statuses.length - reads).toBe(1);
    expect(h.ran.slice(before)).toEqual([]);
    expect((await h.backend.readLive()).users.find((u) => u.email === 'm@contoso.com')).toMatchObject({ batch: 'A', status: 'Synced' });
  });

  it('stops at once at a removal held until the YAML records the conversion, even while the batch still syncs', async () => {
    const h = await harness();
    await h.run(desired([batch('W1', wave('W1', 3))]), 5 * 60_000);
    expect(h.statuses.at(-1)).toMatch(/W1:(Starting|Syncing)/);
    const [ran, reads] = [h.ran.length, h.statuses.length];
    const outcome = await h.run(desired([batch('W1', wave('W1', 3), { state: 'removed' })]));
    expect(outcome).toMatchObject({ kind: 'blocked', changes: [{ address: 'batch.W1', waitsFor: 'gates' }] });
    expect(h.statuses.length - reads).toBe(1);
    expect(h.ran.length).toBe(ran);
  });

  it('stops at once at a removal held only by a mailbox that failed (retrying or dropping it is the admin\'s call)', async () => {
    const h = await harness({ failMailboxes: { 'w12@contoso.com': 'MigrationPermanentException: An invalid password was specified.' } });
    const first = await h.run(desired([batch('W1', wave('W1', 1).concat('w12@contoso.com'))]));
    expect(first.kind === 'converged' && first.failed.map((u) => u.email)).toEqual(['w12@contoso.com']);
    const [ran, reads] = [h.ran.length, h.statuses.length];
    const convertedAt = new Date((await h.backend.clock.now()).getTime() - HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const outcome = await h.run(desired([batch('W1', wave('W1', 1).concat('w12@contoso.com'), { state: 'removed', convertedAt })]));
    expect(outcome).toMatchObject({ kind: 'blocked', changes: [{ address: 'batch.W1', waitsFor: 'gates' }] });
    expect(outcome.kind === 'blocked' && outcome.changes[0]!.notes.join(' ')).toMatch(/1 of its 2 mailboxes are not Synced \(1 Failed\)/);
    // One read, no step, and not the 48 h timeout it used to run into.
    expect(h.statuses.length - reads).toBe(1);
    expect(h.ran.length).toBe(ran);
  });

  it('retries failed mailboxes with retryFailed until they sync', async () => {
    const h = await harness({ failMailboxes: { 'bad@contoso.com': { errorSummary: 'MigrationTransientException: busy', times: 1 } } });
    const outcome = await h.run(desired([batch('W1', wave('W1', 1).concat('bad@contoso.com'), { retryFailed: true })]));
    expect(outcome).toMatchObject({ kind: 'converged', failed: [] });
    expect(h.ran.filter((s) => s.startsWith('Start-MigrationBatch'))).toHaveLength(1);
  });

  it('gives up on a mailbox that keeps failing after the allowed retries, and lists it', async () => {
    const h = await harness({ failMailboxes: { 'w12@contoso.com': 'MigrationPermanentException: An invalid password was specified.' } });
    const outcome = await h.run(desired([batch('W1', wave('W1', 1).concat('w12@contoso.com'), { retryFailed: true })]));
    expect(outcome.kind).toBe('converged');
    expect(outcome.kind === 'converged' && outcome.failed.map((u) => [u.email, u.errorSummary])).toEqual([
      ['w12@contoso.com', 'MigrationPermanentException: An invalid password was specified.'],
    ]);
    expect(h.ran.filter((s) => s.startsWith('Start-MigrationBatch'))).toHaveLength(DEFAULT_WAIT.maxRetries);
  });

  it('does not retry without retryFailed', async () => {
    const h = await harness({ failMailboxes: { 'w12@contoso.com': 'X: boom' } });
    const outcome = await h.run(desired([batch('W1', wave('W1', 1).concat('w12@contoso.com'))]));
    expect(outcome.kind === 'converged' && outcome.failed).toHaveLength(1);
    expect(h.ran.filter((s) => s.startsWith('Start-MigrationBatch'))).toEqual([]);
  });

  it('waits for a scheduled batch to start', async () => {
    const h = await harness();
    const outcome = await h.run(desired([batch('W1', wave('W1', 2), { startAfter: '2026-03-03T08:00:00+01:00' })]));
    expect(outcome).toMatchObject({ kind: 'converged' });
    expect(h.statuses).toContain('W1:Waiting');
    expect(outcome.kind === 'converged' && outcome.elapsedMs).toBeGreaterThan(23 * HOUR);
  });

  it('times out, naming what it still waits for', async () => {
    const h = await harness();
    const outcome = await h.run(desired([batch('W1', wave('W1', 2), { startAfter: '2026-03-09T08:00:00Z' })]), 24 * HOUR);
    expect(outcome).toMatchObject({ kind: 'timeout', waitingFor: [{ address: 'batch.W1', status: 'Waiting' }] });
  });

  it('waits only for the targeted batches with --target', async () => {
    const h = await harness();
    const d = desired([batch('W1', wave('W1', 2)), batch('W2', wave('W2', 2), { startAfter: '2026-03-20T08:00:00Z' })]);
    expect(await h.run(d, 24 * HOUR, ['batch.W1'])).toMatchObject({ kind: 'converged', failed: [] });
    expect(h.ran).toEqual(['New-MigrationEndpoint endpoint.StagedEndpoint', 'New-MigrationBatch batch.W1']);
    expect(h.statuses.every((s) => !s.includes('W2'))).toBe(true);
  });

  it('stops at a Corrupted batch', async () => {
    const h = await harness({ corruptBatches: { w1: 60_000 } });
    const outcome = await h.run(desired([batch('W1', wave('W1', 2))]));
    expect(outcome).toMatchObject({ kind: 'stuck', batches: [{ address: 'batch.W1', status: 'Corrupted' }] });
  });

  it('reports a plan that waits on something that will never change by itself', async () => {
    const h = await harness();
    await h.run(desired([batch('Other', ['x@contoso.com'])]));
    const outcome = await h.run(desired([batch('W1', ['x@contoso.com', 'y@contoso.com'])]));
    expect(outcome.kind).toBe('blocked');
    // x@ was migrated by the unmanaged batch Other: it is never submitted again, whatever the YAML says.
    expect(outcome.kind === 'blocked' && outcome.changes.flatMap((c) => c.notes).join('\n')).toMatch(/x@contoso\.com|1 mailbox is already migrat/);
  });
});
