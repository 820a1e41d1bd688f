// `stagemig simulator status|reset|advance <plan.yaml>`: drive the embedded simulator of the service.
import type { Command } from 'commander';
import { loadPlan } from '../../config/index.js';
import { error, hasErrors, type Diagnostic } from '../../diag/index.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { renderSimulatorStatus } from '../../render/simulator/simulator-status.js';
import {
  advanceInPlace, deleteState, emptyState, loadState, saveState, toLiveState, withStateLock,
  DEFAULT_STATE_LOCK,
} from '../../backends/simulator/index.js';
import { formatDuration, parseDuration } from '../../model/index.js';
import type { DesiredState, SimulatorBackendConfig } from '../../model/index.js';
import { forgetApplied } from '../../apply/applied/index.js';
import { EXIT_ERROR } from '../exit-codes.js';
import type { CommandContext } from '../program.js';
import { registerSimulatorFaults } from './simulator-faults.js';
import { registerSimulatorServe } from './simulator-serve.js';

function fail(ctx: CommandContext, diags: Diagnostic[]): undefined {
  ctx.io.stderr(renderDiagnostics(diags, { color: ctx.io.color }));
  ctx.setExitCode(EXIT_ERROR);
  return undefined;
}

/** The simulator state file the plan names, or undefined after reporting why there is none. */
async function stateFileOf(ctx: CommandContext, planPath: string): Promise<string | undefined> {
  return (await simulatorPlan(ctx, planPath))?.backend.stateFile;
}

/** The plan, when it loads and uses the simulator; else undefined after reporting why. */
async function simulatorPlan(ctx: CommandContext, planPath: string): Promise<(DesiredState & { backend: SimulatorBackendConfig }) | undefined> {
  const { desired, diagnostics } = await loadPlan(planPath, { cwd: ctx.io.cwd });
  if (hasErrors(diagnostics) || !desired) return fail(ctx, diagnostics);
  if (diagnostics.length > 0) ctx.io.stderr(renderDiagnostics(diagnostics, { color: ctx.io.color }));
  if (desired.backend.type !== 'simulator') {
    return fail(ctx, [
      error('USAGE', `The plan ${planPath} uses the ${desired.backend.type} backend, not the simulator.`, {
        hint: 'stagemig simulator commands work only with `backend: {type: simulator}`.',
      }),
    ]);
  }
  return { ...desired, backend: desired.backend };
}

async function status(ctx: CommandContext, planPath: string): Promise<void> {
  const stateFile = await stateFileOf(ctx, planPath);
  if (stateFile === undefined) return;
  const state = await loadState(stateFile);
  ctx.io.stdout(renderSimulatorStatus({ now: state?.now, stateFile, live: toLiveState(state) }));
}

async function reset(ctx: CommandContext, planPath: string): Promise<void> {
  const desired = await simulatorPlan(ctx, planPath);
  if (desired === undefined) return;
  const stateFile = desired.backend.stateFile;
  const deleted = await withStateLock(stateFile, (ctx.host.lock ?? DEFAULT_STATE_LOCK), () => deleteState(stateFile));
  // The service is empty now: what stagemig last applied to it no longer describes anything.
  const record = await forgetApplied(desired);
  ctx.io.stdout(
    (deleted
      ? `Deleted the simulator state file ${stateFile}; the simulated service is now empty.\n`
      : `No simulator state file at ${stateFile}; the simulated service is already empty.\n`) +
    (record ? `Deleted the last-applied record ${record}.\n` : ''),
  );
}

async function advance(ctx: CommandContext, planPath: string, durationText: string): Promise<void> {
  const byMs = parseDuration(durationText);
  if (byMs === undefined) {
    fail(ctx, [
      error('USAGE', `Invalid duration "${durationText}".`, {
        hint: 'Use whole numbers with the units d, h, m and s, largest first: 90s, 30m, 6h, 2d or 1h30m.',
      }),
    ]);
    return;
  }
  const stateFile = await stateFileOf(ctx, planPath);
  if (stateFile === undefined) return;
  const { state, from } = await withStateLock(stateFile, (ctx.host.lock ?? DEFAULT_STATE_LOCK), async () => {
    const s = (await loadState(stateFile)) ?? emptyState(ctx.io.now());
    const before = s.now;
    advanceInPlace(s, byMs);
    await saveState(stateFile, s);
    return { state: s, from: before };
  });
  ctx.io.stdout(`Advanced the simulated clock by ${formatDuration(byMs)}: ${from} -> ${state.now}\n\n`);
  ctx.io.stdout(renderSimulatorStatus({ now: state.now, stateFile, live: toLiveState(state) }));
}

export function registerSimulator(program: Command, ctx: CommandContext): void {
  const sim = program
    .command('simulator')
    .description('Drive the embedded simulator of the Exchange Online migration service');
  sim
    .command('status')
    .description('show the simulated clock, endpoints, batches and users')
    .argument('<plan.yaml>', 'migration plan whose simulator state to show')
    .action((plan: string) => status(ctx, plan));
  sim
    .command('reset')
    .description('delete the simulator state file: the simulated service becomes empty')
    .argument('<plan.yaml>', 'migration plan whose simulator state to delete')
    .action((plan: string) => reset(ctx, plan));
  sim
    .command('advance')
    .description('move the simulated clock forward (e.g. 90s, 30m, 6h, 2d, 1h30m)')
    .argument('<plan.yaml>', 'migration plan whose simulator to advance')
    .argument('<duration>', 'how far to move the clock')
    .action((plan: string, duration: string) => advance(ctx, plan, duration));
  registerSimulatorFaults(sim, ctx, stateFileOf);
  registerSimulatorServe(sim, ctx);
}
