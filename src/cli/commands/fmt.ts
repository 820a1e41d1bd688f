// `stagemig fmt <plan.yaml | folder>... [--check] [--diff]`: flags → operations/fmt.ts (each file →
// render/fmt/fmt-view.ts) → exit code.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import type { Command } from 'commander';
import { runFmt } from '../../operations/fmt.js';
import { createFmtView } from '../../render/fmt/fmt-view.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

export function registerFmt(program: Command, ctx: CommandContext): void {
  program
    .command('fmt')
    .description('Rewrite plan YAML files in canonical key order and style, keeping comments')
    .argument('<plan...>', 'migration plan YAML files, or folders to search for them')
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if there are any')
    .option('--diff', 'print a unified diff of each change (with --check: of each change it would make)')
    .action(async (paths: string[], opts: { check?: boolean; diff?: boolean }) => {
      const { io, host } = ctx;
      const check = opts.check === true;
      const view = createFmtView(io, { color: io.color, diff: opts.diff === true, check });
      const result = await runFmt(host, { paths, check }, view);
      view.finished(result.unformatted);
      ctx.setExitCode(result.failed || (check && result.unformatted.length > 0) ? EXIT_ERROR : EXIT_OK);
    });
}
