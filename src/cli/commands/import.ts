// `stagemig import --out DIR (--from plan.yaml | --state-file FILE --organization ORG) [--force]`:
// flags → operations/import/run-import.ts → render/import/import-view.ts.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { runImport } from '../../operations/import/index.js';
import { importOutput } from '../../render/import/import-view.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

interface ImportFlags { out: string; from?: string; stateFile?: string; organization?: string; force?: boolean }

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('Write a plan YAML and one CSV per batch from the live migration service (bring an existing migration under stagemig)')
    .requiredOption('--out <dir>', 'folder to write stagemig.yaml and batches/*.csv into')
    .option('--from <plan>', 'read the service of this plan\'s backend (simulator or exchange-online)')
    .option('--state-file <file>', 'read this simulator state file instead')
    .option('--organization <tenant>', 'the tenant\'s *.onmicrosoft.com domain (default: the --from plan\'s)')
    .option('--force', 'overwrite existing files')
    .action(async (flags: ImportFlags) => {
      const result = await runImport(ctx.host, { ...flags, force: flags.force === true });
      emit(ctx.io, importOutput(result));
      ctx.setExitCode(EXIT_OK);
    });
}
