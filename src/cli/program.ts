import { Command, CommanderError } from 'commander';
import { StagemigError } from '../diag/index.js';
import { renderDiagnostics } from '../render/common/diagnostics.js';
import type { Io } from './io.js';
import { EXIT_ERROR } from './exit-codes.js';
import { registerValidate } from './commands/validate.js';
import { registerPlan } from './commands/plan.js';
import { registerApply } from './commands/apply.js';
import { registerShow } from './commands/show.js';
import { registerSimulator } from './commands/simulator.js';
import { registerStatus } from './commands/status.js';
import { registerImport } from './commands/import.js';
import { registerFmt } from './commands/fmt.js';
import { registerConvert } from './commands/convert.js';
import { TOOL_VERSION } from '../version.js';

/** A command action stores its exit code here; commander itself only knows success or throw. */
export interface CommandContext {
  io: Io;
  setExitCode: (code: number) => void;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const ctx: CommandContext = { io, setExitCode: (c) => (exitCode = c) };
  const program = new Command('stagemig')
    .description('Plan and apply Exchange staged migrations to Microsoft 365 from a reviewed YAML plan.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  registerValidate(program, ctx);
  registerPlan(program, ctx);
  registerApply(program, ctx);
  registerShow(program, ctx);
  registerStatus(program, ctx);
  registerConvert(program, ctx);
  registerSimulator(program, ctx);
  registerImport(program, ctx);
  registerFmt(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_ERROR;
    if (err instanceof StagemigError) {
      io.stderr(renderDiagnostics(err.diagnostics, { color: io.color }));
      return EXIT_ERROR;
    }
    throw err;
  }
}
