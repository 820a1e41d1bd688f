// `stagemig validate <plan.yaml> [--format human|json]`: flags → operations/validate.ts →
// render/validate/validate-view.ts → exit code.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { runValidate } from '../../operations/validate.js';
import { validateOutput } from '../../render/validate/validate-view.js';
import { emit } from '../emit.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { parseFormat, VALIDATE_FORMATS } from '../format-option.js';
import type { CommandContext } from '../program.js';

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('Check a migration plan offline: YAML syntax, schema, CSV files and cross-references.')
    .argument('<plan>', 'path of the migration plan YAML file')
    .option('--format <format>', `output format: ${VALIDATE_FORMATS.join(', ')}`, 'human')
    .option('--allow-csv-outside', 'read CSV files outside the plan\'s folder (absolute paths, .., symlinks)')
    .action(async (plan: string, opts: { format?: string; allowCsvOutside?: boolean }) => {
      const { io, host } = ctx;
      const format = parseFormat(opts.format, VALIDATE_FORMATS);
      const result = await runValidate(host, { planPath: plan, allowCsvOutside: opts.allowCsvOutside === true });
      emit(io, validateOutput(format, result, { color: io.color, planFile: plan }));
      ctx.setExitCode(result.valid ? EXIT_OK : EXIT_ERROR);
    });
}
