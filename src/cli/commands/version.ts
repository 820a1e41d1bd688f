// `stagemig version [--format human|json]` (also `stagemig -v` / `--version`).
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { versionInfo } from '../../operations/version.js';
import { versionOutput } from '../../render/version/version-view.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import { addFormatOption, parseFormat, VERSION_FORMATS } from '../format-option.js';
import type { CommandContext } from '../program.js';

export function registerVersion(program: Command, ctx: CommandContext): void {
  addFormatOption(program.command('version'), VERSION_FORMATS)
    .description('Print the stagemig version (also -v, --version)')
    .action((opts: { format?: string }) => {
      const format = parseFormat(opts.format, VERSION_FORMATS);
      const info = versionInfo();
      emit(ctx.io, versionOutput(format, info));
      ctx.setExitCode(EXIT_OK);
    });
}
