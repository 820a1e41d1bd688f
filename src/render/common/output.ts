// What a view hands back to its command: the text for stdout and the text for stderr (either may be
// empty). Results go to stdout, diagnostics and notes to stderr (DESIGN §5).
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import type { Diagnostic } from '../../diag/index.js';
import { renderDiagnostics } from './diagnostics.js';

export interface Output {
  stdout: string;
  stderr: string;
}

export const output = (stdout = '', stderr = ''): Output => ({ stdout, stderr });

/** Warnings (or errors) for people, on stderr; nothing when there are none. */
export const diagnosticsText = (diags: readonly Diagnostic[], color: boolean): string =>
  (diags.length > 0 ? renderDiagnostics(diags, { color }) : '');
