// `stagemig show <saved-plan-file> [--format human|markdown|json]`: flags → operations/show.ts →
// render/plan/plan-view.ts.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { runShow } from '../../operations/show.js';
import { showOutput } from '../../render/plan/plan-view.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import { parseFormat, SHOW_FORMATS } from '../format-option.js';
import { FULL_OPTION } from '../planning-options.js';
import type { CommandContext } from '../program.js';

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('Render a saved plan file (from `stagemig plan --out`) without contacting the migration service')
    .argument('<file>', 'saved plan file')
    .option('--format <format>', `output format: ${SHOW_FORMATS.join(', ')}`, 'human')
    .option(...FULL_OPTION)
    .action(async (file: string, opts: { format?: string; full?: boolean }) => {
      const format = parseFormat(opts.format, SHOW_FORMATS);
      emit(ctx.io, showOutput(format, await runShow(ctx.host, file), ctx.io.color, { full: opts.full === true }));
      ctx.setExitCode(EXIT_OK);
    });
}
