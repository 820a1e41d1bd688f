// `stagemig simulator status|reset|advance|faults <plan.yaml>` and `simulator serve`: flags →
// operations/simulator.ts (serve: operations/simulator-serve.ts) → render/simulator/simulator-view.ts.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { simulatorAdvance, simulatorFaults, simulatorReset, simulatorStatus } from '../../operations/simulator.js';
import { advanceOutput, faultsOutput, resetOutput, statusOutput } from '../../render/simulator/simulator-view.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';
import { registerSimulatorServe } from './simulator-serve.js';

export function registerSimulator(program: Command, ctx: CommandContext): void {
  const { io, host } = ctx;
  const done = (): void => ctx.setExitCode(EXIT_OK);
  const sim = program
    .command('simulator')
    .description('Drive the embedded simulator of the Exchange Online migration service');
  sim
    .command('status')
    .description('show the simulated clock, endpoints, batches and users')
    .argument('<plan.yaml>', 'migration plan whose simulator state to show')
    .action(async (plan: string) => {
      emit(io, statusOutput(await simulatorStatus(host, plan), io.color));
      done();
    });
  sim
    .command('reset')
    .description('delete the simulator state file: the simulated service becomes empty')
    .argument('<plan.yaml>', 'migration plan whose simulator state to delete')
    .action(async (plan: string) => {
      emit(io, resetOutput(await simulatorReset(host, plan), io.color));
      done();
    });
  sim
    .command('advance')
    .description('move the simulated clock forward (e.g. 90s, 30m, 6h, 2d, 1h30m)')
    .argument('<plan.yaml>', 'migration plan whose simulator to advance')
    .argument('<duration>', 'how far to move the clock')
    .action(async (plan: string, duration: string) => {
      emit(io, advanceOutput(await simulatorAdvance(host, plan, duration), io.color));
      done();
    });
  sim
    .command('faults')
    .description('declare the faults the simulated service injects, from a YAML or JSON scenario file (no file: show them)')
    .argument('<plan.yaml>', 'migration plan whose simulator to change')
    .argument('[scenario]', 'scenario file: failMailboxes, endpoint, throttle, corruptBatches, cutoverBatch, latency, unknownStatus, acceptedDomains, federatedDomains, recipients, dns')
    .option('--clear', 'remove every fault')
    .action(async (plan: string, scenario: string | undefined, opts: { clear?: boolean }) => {
      emit(io, faultsOutput(await simulatorFaults(host, plan, scenario, { clear: opts.clear === true }), io.color));
      done();
    });
  registerSimulatorServe(sim, ctx);
}
