// `stagemig convert <plan.yaml> --batch NAME --out DIR` (seed step 5): the data files and the Exchange
// 2007 script that turn a Synced batch's on-premises mailboxes into mail users. Wiring only.
import type { Command } from 'commander';
import { convertBatch } from '../../operations/convert.js';
import { convertOutput } from '../../render/convert/human-convert.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

interface ConvertOptions {
  batch: string;
  out: string;
}

async function convert(ctx: CommandContext, planPath: string, opts: ConvertOptions): Promise<void> {
  const result = await convertBatch(ctx.host, { planPath, batch: opts.batch, outDir: opts.out });
  emit(ctx.io, convertOutput(result, { color: ctx.io.color, cwd: ctx.io.cwd }));
  ctx.setExitCode(EXIT_OK);
}

export function registerConvert(program: Command, ctx: CommandContext): void {
  program
    .command('convert')
    .description('Write what converts a Synced batch\'s on-premises mailboxes to mail users (data files and an Exchange 2007 script)')
    .argument('<plan>', 'migration plan YAML file')
    .requiredOption('--batch <name>', 'the batch to convert (every mailbox must be Synced)')
    .requiredOption('--out <dir>', 'folder to write the files to (created when missing)')
    .action((planPath: string, opts: ConvertOptions) => convert(ctx, planPath, opts));
}
