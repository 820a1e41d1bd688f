// `stagemig convert <plan.yaml> --batch NAME --out DIR [--format human|json]` (seed step 5): the data files and the Exchange
// 2007 script that turn a Synced batch's on-premises mailboxes into mail users. Wiring only.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { convertBatch } from '../../operations/convert/convert.js';
import { StagemigError } from '../../diag/index.js';
import { convertOutput } from '../../render/convert/human-convert.js';
import { convertFailureJson, convertJson } from '../../render/convert/json-convert.js';
import { emit } from '../emit.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { addFormatOption, CONVERT_FORMATS, parseFormat } from '../format-option.js';
import type { CommandContext } from '../program.js';

interface ConvertOptions {
  batch: string;
  out: string;
  format?: string;
}

async function convert(ctx: CommandContext, planPath: string, opts: ConvertOptions): Promise<void> {
  const format = parseFormat(opts.format, CONVERT_FORMATS);
  const color = ctx.io.color;
  if (format === 'human') {
    const result = await convertBatch(ctx.host, { planPath, batch: opts.batch, outDir: opts.out });
    emit(ctx.io, convertOutput(result, { color, cwd: ctx.io.cwd }));
    ctx.setExitCode(EXIT_OK);
    return;
  }
  try {
    const result = await convertBatch(ctx.host, { planPath, batch: opts.batch, outDir: opts.out });
    emit(ctx.io, convertJson(result, { planFile: planPath, color }));
    ctx.setExitCode(EXIT_OK);
  } catch (err) {
    if (!(err instanceof StagemigError)) throw err;
    emit(ctx.io, convertFailureJson(err.diagnostics, { planFile: planPath, batch: opts.batch, color }));
    ctx.setExitCode(EXIT_ERROR);
  }
}

export function registerConvert(program: Command, ctx: CommandContext): void {
  addFormatOption(program.command('convert'), CONVERT_FORMATS)
    .description('Write what converts a Synced batch\'s on-premises mailboxes to mail users (data files and an Exchange 2007 script)')
    .argument('<plan>', 'migration plan YAML file')
    .requiredOption('--batch <name>', 'the batch to convert (every mailbox must be Synced)')
    .requiredOption('--out <dir>', 'folder to write the files to (created when missing)')
    .action((planPath: string, opts: ConvertOptions) => convert(ctx, planPath, opts));
}
