// Where the debug log of service calls goes: --log-file FILE (appended, readable by its owner only),
// else stderr when STAGEMIG_LOG=debug, else nowhere.
//
// Must not: run the work or write text (views make the text; emit.ts writes it).
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { logFileBroken } from '../render/cli/help-text.js';
import { output } from '../render/common/output.js';
import { emit } from './emit.js';
import type { Io } from './io.js';

/** The value of `--log-file FILE` or `--log-file=FILE` (before a `--`), if given. */
export function logFileArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--log-file') return argv[i + 1];
    if (a.startsWith('--log-file=')) return a.slice('--log-file='.length);
  }
  return undefined;
}

export function debugLogSink(argv: readonly string[], io: Io): ((line: string) => void) | undefined {
  const file = logFileArg(argv);
  if (file !== undefined && file !== '') {
    const path = resolve(io.cwd, file);
    let broken = false;
    return (line) => {
      if (broken) return;
      try {
        appendFileSync(path, `${line}\n`, { mode: 0o600 });
      } catch (err) {
        broken = true;
        emit(io, output('', logFileBroken(file, (err as NodeJS.ErrnoException).code ?? 'error')));
      }
    };
  }
  if ((io.env.STAGEMIG_LOG ?? '').trim().toLowerCase() === 'debug') return (line) => emit(io, output('', `${line}\n`));
  return undefined;
}
