// What `stagemig fmt` prints: the files it changed (or would change), unified diffs with --diff.
import { createTwoFilesPatch } from 'diff';
import { createColors } from 'picocolors';

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
  return `${n} file${n === 1 ? ' is' : 's are'} not formatted; run \`stagemig fmt ${files.join(' ')}\` to fix ${n === 1 ? 'it' : 'them'}.\n`;
}
