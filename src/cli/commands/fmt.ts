// `stagemig fmt <plan.yaml>... [--check]`: rewrite plan files in canonical order and style.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { decodeText, displayPath } from '../../config/index.js';
import { error } from '../../diag/index.js';
import { writeFileAtomic } from '../../files/index.js';
import type { Diagnostic } from '../../diag/index.js';
import { formatPlanYaml } from '../../config/fmt/index.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

type Outcome = { kind: 'formatted' | 'changed' } | { kind: 'error'; diagnostics: Diagnostic[] };

async function formatFile(abs: string, file: string): Promise<Outcome & { text?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { kind: 'error', diagnostics: [error('FILE_NOT_FOUND', `${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}`)] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'error', diagnostics: [error('FILE_ENCODING', decoded.reason, { range: { file, start: { line: 1, col: 1 } }, hint: decoded.hint })] };
  const r = formatPlanYaml(decoded.text, abs, file);
  if (!r.ok) return { kind: 'error', diagnostics: r.diagnostics };
  return Buffer.from(r.text, 'utf8').equals(bytes) ? { kind: 'formatted' } : { kind: 'changed', text: r.text };
}

export function registerFmt(program: Command, ctx: CommandContext): void {
  program
    .command('fmt')
    .description('Rewrite plan YAML files in canonical key order and style, keeping comments')
    .argument('<plan...>', 'migration plan YAML files')
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if there are any')
    .action(async (plans: string[], opts: { check?: boolean }) => {
      const { io } = ctx;
      let failed = false;
      const unformatted: string[] = [];
      for (const plan of plans) {
        const abs = resolve(io.cwd, plan);
        const file = displayPath(abs, io.cwd);
        const r = await formatFile(abs, file);
        if (r.kind === 'error') {
          io.stderr(renderDiagnostics(r.diagnostics, { color: io.color }));
          failed = true;
        } else if (r.kind === 'changed') {
          unformatted.push(file);
          const written = opts.check ? undefined : await writeFileAtomic(abs, r.text!).catch((err: NodeJS.ErrnoException) => err);
          if (written) {
            io.stderr(renderDiagnostics([error('FILE_WRITE', `Cannot write ${file} (${written.code ?? written.message}); it was left unchanged`, {
              hint: 'Free disk space or fix the permissions of its folder, then run `stagemig fmt` again.',
            })], { color: io.color }));
            failed = true;
          } else io.stdout(`${file}\n`);
        }
      }
      if (opts.check && unformatted.length > 0) {
        const n = unformatted.length;
        io.stderr(`${n} file${n === 1 ? ' is' : 's are'} not formatted; run \`stagemig fmt ${unformatted.join(' ')}\` to fix ${n === 1 ? 'it' : 'them'}.\n`);
      }
      ctx.setExitCode(failed || (opts.check && unformatted.length > 0) ? EXIT_ERROR : EXIT_OK);
    });
}
