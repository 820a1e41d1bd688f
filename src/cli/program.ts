import { Command, CommanderError } from 'commander';
import { StagemigError } from '../diag/index.js';
import { renderDiagnostics } from '../render/common/diagnostics.js';
import type { Host } from '../operations/host.js';
import { hostOf, type Io } from './io.js';
import { EXIT_ERROR } from './exit-codes.js';
import { registerValidate } from './commands/validate.js';
import { registerPlan } from './commands/plan.js';
import { registerCheck } from './commands/check.js';
import { registerApply } from './commands/apply.js';
import { registerShow } from './commands/show.js';
import { registerSimulator } from './commands/simulator.js';
import { registerStatus } from './commands/status.js';
import { registerImport } from './commands/import.js';
import { registerFmt } from './commands/fmt.js';
import { registerConvert } from './commands/convert.js';
import { registerVersion } from './commands/version.js';
import { TOOL_VERSION } from '../version.js';
import { commandHelpAfter, PROGRAM_HELP_AFTER } from './help-text.js';
import { usageErrorText } from './usage-error.js';
import { debugLogSink } from './debug-log.js';

/** A command action stores its exit code here; commander itself only knows success or throw. */
export interface CommandContext {
  io: Io;
  /** What operations take (src/operations/host.ts). */
  host: Host;
  setExitCode: (code: number) => void;
}

/** The whole command tree. Tests read it too (the CI examples are checked against it). */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('stagemig')
    .description('Plan and apply Exchange staged migrations to Microsoft 365 from a reviewed YAML plan.')
    .version(`stagemig ${TOOL_VERSION}`, '-v, --version', 'print the version (with --format json: as JSON)')
    .option('--no-color', 'no colour, even on a terminal or with FORCE_COLOR')
    .option('--log-file <file>', 'append a debug log of every call to the migration service (secrets masked) to FILE')
    .exitOverride()
    .addHelpText('after', PROGRAM_HELP_AFTER);
  registerValidate(program, ctx);
  registerCheck(program, ctx);
  registerPlan(program, ctx);
  registerApply(program, ctx);
  registerShow(program, ctx);
  registerStatus(program, ctx);
  registerConvert(program, ctx);
  registerSimulator(program, ctx);
  registerImport(program, ctx);
  registerFmt(program, ctx);
  registerVersion(program, ctx);
  for (const cmd of program.commands) {
    const after = commandHelpAfter(cmd.name());
    if (after) cmd.addHelpText('after', after);
  }
  return program;
}

/** A word after one dash (`-out`, PowerShell style) is never a bundle of one-letter flags here. */
const SINGLE_DASH_WORD = /^-[A-Za-z][\w-]+(=.*)?$/;

/** `stagemig -v --format json` is `stagemig version --format json`. */
function versionAlias(argv: string[]): string[] {
  return argv[0] === '-v' || argv[0] === '--version' ? ['version', ...argv.slice(1)] : argv;
}

export async function run(rawArgv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  let commanderMessage = '';
  const argv = versionAlias(rawArgv);
  // bin.ts decides the colour (cli/color.ts); --no-color anywhere on the line turns it off.
  const color = io.color && !argv.includes('--no-color');
  const log = debugLogSink(argv, io);
  const ctxIo: Io = { ...io, color, ...(log ? { log } : {}) };
  const ctx: CommandContext = { io: ctxIo, host: hostOf(ctxIo), setExitCode: (c) => (exitCode = c) };
  const program = buildProgram(ctx);
  // Usage errors are collected and printed short (usage-error.ts); help and version go to stdout.
  program.configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text) => void (commanderMessage += text) });
  for (const cmd of allCommands(program)) cmd.configureOutput(program.configureOutput());
  try {
    const dashEnd = argv.indexOf('--');
    const singleDash = (dashEnd < 0 ? argv : argv.slice(0, dashEnd)).find((t) => SINGLE_DASH_WORD.test(t));
    if (singleDash !== undefined) program.error(`error: unknown option '${singleDash}'`, { code: 'commander.unknownOption' });
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0;
      io.stderr(usageErrorText(commanderMessage || err.message, program, argv));
      return EXIT_ERROR;
    }
    if (err instanceof StagemigError) {
      io.stderr(renderDiagnostics(err.diagnostics, { color: ctx.io.color }));
      return EXIT_ERROR;
    }
    throw err;
  }
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
