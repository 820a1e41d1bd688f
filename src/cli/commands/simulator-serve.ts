// `stagemig simulator serve <plan.yaml> [--port N] [--state-file FILE] [--quiet]`: flags →
// operations/simulator-serve.ts (events → render/simulator/simulator-view.ts), until Ctrl-C.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import { InvalidArgumentError, type Command } from 'commander';
import { runSimulatorServe } from '../../operations/simulator-serve.js';
import { createServeView } from '../../render/simulator/simulator-view.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

interface ServeFlags {
  port?: number;
  stateFile?: string;
  quiet?: boolean;
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535) throw new InvalidArgumentError('a TCP port is a whole number from 0 to 65535');
  return n;
}

export function registerSimulatorServe(simulatorCommand: Command, ctx: CommandContext): void {
  simulatorCommand
    .command('serve')
    .description('serve the simulator over HTTP on 127.0.0.1 for the StagemigSimulator PowerShell module (until Ctrl-C)')
    .argument('<plan.yaml>', 'migration plan whose simulator state to serve')
    .option('--port <n>', 'TCP port on 127.0.0.1 (default: a free port)', parsePort)
    .option('--state-file <file>', 'serve this state file instead of the plan\'s')
    .option('--quiet', 'do not log each call on stderr')
    .action(async (planPath: string, flags: ServeFlags) => {
      const args = { planPath, port: flags.port ?? 0, quiet: flags.quiet === true, ...(flags.stateFile !== undefined ? { stateFile: flags.stateFile } : {}) };
      await runSimulatorServe(ctx.host, args, createServeView(ctx.io, { color: ctx.io.color }));
      ctx.setExitCode(EXIT_OK);
    });
}
