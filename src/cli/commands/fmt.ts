// `stagemig fmt <plan.yaml | folder>... [--check] [--diff]`: rewrite plan files in canonical order and style.
import type { Command } from 'commander';
import { error } from '../../diag/index.js';
import { writeFileAtomic } from '../../files/index.js';
import { fmtTargets, formatFile } from '../../operations/fmt.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { renderFmtCheckFailure, renderFmtDiff } from '../../render/fmt/fmt-view.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

export function registerFmt(program: Command, ctx: CommandContext): void {
  program
    .command('fmt')
    .description('Rewrite plan YAML files in canonical key order and style, keeping comments')
    .argument('<plan...>', 'migration plan YAML files, or folders to search for them')
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if there are any')
    .option('--diff', 'print a unified diff of each change (with --check: of each change it would make)')
    .action(async (args: string[], opts: { check?: boolean; diff?: boolean }) => {
      const { io } = ctx;
      const targets = await fmtTargets(args, io.cwd);
      let failed = targets.diagnostics.length > 0;
      if (failed) io.stderr(renderDiagnostics(targets.diagnostics, { color: io.color }));
      const unformatted: string[] = [];
      for (const abs of targets.files) {
        const r = await formatFile(abs, io.cwd);
        if (r.kind === 'error') {
          io.stderr(renderDiagnostics(r.diagnostics, { color: io.color }));
          failed = true;
        } else if (r.kind === 'changed') {
          unformatted.push(r.file);
          const written = opts.check ? undefined : await writeFileAtomic(abs, r.after).catch((err: NodeJS.ErrnoException) => err);
          if (written) {
            io.stderr(renderDiagnostics([error('FILE_WRITE', `Cannot write ${r.file} (${written.code ?? written.message}); it was left unchanged`, {
              hint: 'Free disk space or fix the permissions of its folder, then run `stagemig fmt` again.',
            })], { color: io.color }));
            failed = true;
          } else io.stdout(opts.diff ? renderFmtDiff(r.file, r.before, r.after, { color: io.color }) : `${r.file}\n`);
        }
      }
      if (opts.check && unformatted.length > 0) io.stderr(renderFmtCheckFailure(unformatted));
      ctx.setExitCode(failed || (opts.check && unformatted.length > 0) ? EXIT_ERROR : EXIT_OK);
    });
}
