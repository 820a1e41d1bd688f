// `stagemig simulator faults <plan.yaml> [scenario-file] [--clear]`: declare the faults the simulated
// service injects (failing mailboxes, endpoint verification, throttling, Corrupted batches, a cutover batch).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../../config/index.js';
import { error, StagemigError } from '../../diag/index.js';
import {
  applyScenario, describeFaults, emptyState, loadState, parseScenario, saveState, withStateLock,
  DEFAULT_STATE_LOCK,
} from '../../backends/simulator/index.js';
import type { CommandContext } from '../program.js';
import { termText } from '../../render/common/safe-text.js';

async function readScenario(ctx: CommandContext, path: string) {
  const abs = resolve(ctx.io.cwd, path);
  const file = displayPath(abs, ctx.io.cwd);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    throw new StagemigError([error('FILE_NOT_FOUND', `Scenario file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'Pass the path of a YAML or JSON scenario file; see "Faults" in the README.',
    })]);
  }
  const { scenario, diagnostics } = parseScenario(text, file);
  if (!scenario) throw new StagemigError(diagnostics);
  return scenario;
}

export async function simulatorFaults(
  ctx: CommandContext,
  stateFile: string,
  scenarioPath: string | undefined,
  opts: { clear?: boolean },
): Promise<void> {
  const { io } = ctx;
  if (scenarioPath !== undefined && opts.clear) {
    throw new StagemigError([error('USAGE', 'Give either a scenario file or --clear, not both')]);
  }
  if (scenarioPath === undefined && !opts.clear) {
    const lines = describeFaults((await loadState(stateFile)) ?? emptyState(io.now()));
    io.stdout(lines.length === 0 ? 'No faults: the simulated service behaves normally.\n' : `Faults in force:\n${lines.map((l) => `  ${termText(l)}`).join('\n')}\n`);
    return;
  }
  const scenario = scenarioPath === undefined ? { faults: {} } : await readScenario(ctx, scenarioPath);
  const outcome = await withStateLock(stateFile, (ctx.host.lock ?? DEFAULT_STATE_LOCK), async () => {
    const applied = applyScenario((await loadState(stateFile)) ?? emptyState(io.now()), scenario);
    if ('error' in applied) throw new StagemigError([error('USAGE', `Cannot apply the scenario: ${applied.error}`)]);
    await saveState(stateFile, applied.state);
    return applied;
  });
  const lines = describeFaults(outcome.state);
  io.stdout(lines.length === 0
    ? 'Cleared every fault: the simulated service behaves normally.\n'
    : `Faults in force (they replace any set before):\n${lines.map((l) => `  ${termText(l)}`).join('\n')}\n`);
}

export function registerSimulatorFaults(
  sim: Command,
  ctx: CommandContext,
  stateFileOf: (ctx: CommandContext, plan: string) => Promise<string | undefined>,
): void {
  sim
    .command('faults')
    .description('declare the faults the simulated service injects, from a YAML or JSON scenario file (no file: show them)')
    .argument('<plan.yaml>', 'migration plan whose simulator to change')
    .argument('[scenario]', 'scenario file: failMailboxes, endpoint, throttle, corruptBatches, cutoverBatch, acceptedDomains, federatedDomains, recipients, dns')
    .option('--clear', 'remove every fault')
    .action(async (plan: string, scenario: string | undefined, opts: { clear?: boolean }) => {
      const stateFile = await stateFileOf(ctx, plan);
      if (stateFile !== undefined) await simulatorFaults(ctx, stateFile, scenario, opts);
    });
}
