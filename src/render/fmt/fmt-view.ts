// What `stagemig fmt` prints: the files it changed (or would change), unified diffs with --diff, the
// problems on stderr, and the --check summary. The command passes createFmtView's methods to the
// operation as its events.
//
// Must not: read or write files (operations/fmt.ts does).
import { createTwoFilesPatch } from 'diff';
import { createColors } from 'picocolors';
import type { Diagnostic } from '../../diag/index.js';
import { plural } from '../../model/index.js';
import type { FmtOutcome } from '../../operations/fmt.js';
import type { Streams } from '../apply/apply-view.js';
import { diagnosticsText } from '../common/output.js';
import { termText } from '../common/safe-text.js';

/** A unified diff of one file, `a/FILE` → `b/FILE` as git prints it; coloured on a terminal. */
export function renderFmtDiff(file: string, before: string, after: string, opts: { color: boolean }): string {
  const c = createColors(opts.color);
  const portable = file.replace(/\\/g, '/');
  const patch = createTwoFilesPatch(`a/${portable}`, `b/${portable}`, before, after, undefined, undefined, { context: 3 });
  const body = patch.split('\n').filter((l) => !/^=+$/.test(l) && !l.startsWith('Index: ')).map((l) => {
    if (l.startsWith('+++') || l.startsWith('---')) return c.bold(l);
    if (l.startsWith('+')) return c.green(l);
    if (l.startsWith('-')) return c.red(l);
    if (l.startsWith('@@')) return c.cyan(l);
    return l;
  });
  return `${body.join('\n').replace(/\n*$/, '')}\n`;
}

export function renderFmtCheckFailure(files: readonly string[]): string {
  const n = files.length;
  return `${plural(n, 'file is', 'files are')} not formatted; run \`stagemig fmt ${files.join(' ')}\` to fix ${n === 1 ? 'it' : 'them'}.\n`;
}

export function createFmtView(out: Streams, o: { color: boolean; diff: boolean; check: boolean }) {
  const problems = (diagnostics: readonly Diagnostic[]): void => out.stderr(diagnosticsText(diagnostics, o.color));
  return {
    targetProblems: problems,
    failed: (_file: string, diagnostics: readonly Diagnostic[]): void => problems(diagnostics),
    changed: (r: Extract<FmtOutcome, { kind: 'changed' }>): void => out.stdout(o.diff ? renderFmtDiff(r.file, r.before, r.after, { color: o.color }) : `${termText(r.file)}\n`),
    finished(unformatted: readonly string[]): void {
      if (o.check && unformatted.length > 0) out.stderr(renderFmtCheckFailure(unformatted));
    },
  };
}
