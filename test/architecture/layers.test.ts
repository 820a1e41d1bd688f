// The layering the README describes, checked on the sources: who may write text, touch the process and
// load a plan. A change that breaks a rule fails here with the file that breaks it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.c?ts$/.test(e.name) ? [relative(SRC, path)] : [];
  }).sort();
}

const FILES = sources();
const text = (file: string): string => readFileSync(join(SRC, file), 'utf8');
const offending = (pattern: RegExp, allowed: readonly string[], within = ''): string[] =>
  FILES.filter((f) => f.startsWith(within) && !allowed.includes(f) && pattern.test(text(f)));

describe('source layout', () => {
  it('finds the sources', () => {
    expect(FILES.length).toBeGreaterThan(200);
    expect(FILES).toContain('cli/emit.ts');
  });

  it('in cli/, only emit.ts writes (what views return); io.ts and program.ts only hand the streams on', () => {
    expect(offending(/\bio\.std(out|err)\(|\.write\(|console\.|process\.std|\\x1b|\\u001b/, ['cli/emit.ts'], 'cli/')).toEqual([]);
  });

  it('only main.ts touches the process (streams, arguments, environment, exit code, signals)', () => {
    expect(offending(/\bprocess\.(env|std(in|out|err)|argv|exit|exitCode|on|once|cwd)\b/, ['main.ts'])).toEqual([]);
  });

  it('only operations/load-desired.ts loads a plan with config\'s loadPlan', () => {
    expect(offending(/\bloadPlan\(/, ['operations/load-desired.ts', 'config/load-plan.ts'])).toEqual([]);
  });

  it('every file opens with a header comment saying what it is for and what it must not do', () => {
    const bare = FILES.filter((f) => !/^(#![^\n]*\n)?\/\/ \S/.test(text(f)) || !/must not/i.test(text(f).split(/\n(?!\/\/)/)[0]!));
    expect(bare).toEqual([]);
  });
});
