// The command line: builds commander's tree (loading only the command that runs), turns the process's Io
// into the operations' Host, runs the command and turns usage errors and StagemigErrors into exit code 1.
//
// Must not: hold a command's logic or literal text (usage texts are in render/cli/); it writes only through emit.
import { Command, CommanderError } from 'commander';
import { StagemigError } from '../diag/index.js';
import { renderDiagnostics } from '../render/common/diagnostics.js';
import type { Host } from '../operations/host.js';
import { hostOf, type Io } from './io.js';
import { EXIT_ERROR } from './exit-codes.js';
import { TOOL_VERSION } from '../version.js';
import { commandHelpAfter, PROGRAM_HELP_AFTER } from '../render/cli/help-text.js';
import { usageErrorText } from '../render/cli/usage-error.js';
import { output } from '../render/common/output.js';
import { emit } from './emit.js';
import { debugLogSink } from './debug-log.js';

/** A command action stores its exit code here; commander itself only knows success or throw. */
export interface CommandContext {
  io: Io;
  /** What operations take (src/operations/host.ts). */
  host: Host;
  setExitCode: (code: number) => void;
}

/** The command as other runs see it while it holds a lock: the words, never option values. */
export const commandLine = (argv: readonly string[]): string =>
  ['stagemig', ...argv.filter((a) => !a.startsWith('-')).slice(0, 3)].join(' ').replace(/[^\x20-\x7e]/g, '?').slice(0, 200);

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Every command, loaded only when it runs (fast start: `stagemig --version` loads none of them, `plan`
 * loads plan's modules only). The order is the order of `stagemig --help`.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  check: async () => (await import('./commands/check.js')).registerCheck,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  apply: async () => (await import('./commands/apply.js')).registerApply,
  show: async () => (await import('./commands/show.js')).registerShow,
  status: async () => (await import('./commands/status.js')).registerStatus,
  convert: async () => (await import('./commands/convert.js')).registerConvert,
  simulator: async () => (await import('./commands/simulator.js')).registerSimulator,
  import: async () => (await import('./commands/import.js')).registerImport,
  fmt: async () => (await import('./commands/fmt.js')).registerFmt,
  version: async () => (await import('./commands/version.js')).registerVersion,
};

/** Global options that take a value (their value is not the command name). */
const GLOBAL_WITH_VALUE = new Set(['--log-file']);

/** The command the arguments name, when it is one of ours; otherwise (help, a typo) undefined. */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return Object.hasOwn(COMMANDS, a) ? a : undefined;
  }
  return undefined;
}

/**
 * The command tree: with `only`, just that command (what a run needs); without, every command (help,
 * usage errors with suggestions, and the tests that check the CI examples against it).
 */
export async function buildProgram(ctx: CommandContext, only?: string): Promise<Command> {
  const program = new Command('stagemig')
    .description('Plan and apply Exchange staged migrations to Microsoft 365 from a reviewed YAML plan.')
    .version(`stagemig ${TOOL_VERSION}`, '-v, --version', 'print the version (with --format json: as JSON)')
    .option('--no-color', 'no colour, even on a terminal or with FORCE_COLOR')
    .option('--log-file <file>', 'append a debug log of every call to the migration service (secrets masked) to FILE')
    .exitOverride()
    .addHelpText('after', PROGRAM_HELP_AFTER);
  const names = only !== undefined ? [only] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program, ctx);
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
  // main.ts decides the colour (cli/color.ts); --no-color anywhere on the line turns it off.
  const color = io.color && !argv.includes('--no-color');
  const log = debugLogSink(argv, io);
  const ctxIo: Io = { ...io, color, ...(log ? { log } : {}) };
  const ctx: CommandContext = { io: ctxIo, host: { ...hostOf(ctxIo), lock: { command: commandLine(argv), timeoutMs: 0 } }, setExitCode: (c) => (exitCode = c) };
  const program = await buildProgram(ctx, commandNamed(argv));
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
      emit(io, output('', usageErrorText(commanderMessage || err.message, program, argv)));
      return EXIT_ERROR;
    }
    if (err instanceof StagemigError) {
      emit(io, output('', renderDiagnostics(err.diagnostics, { color: ctx.io.color })));
      return EXIT_ERROR;
    }
    throw err;
  }
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
