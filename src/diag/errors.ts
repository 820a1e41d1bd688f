// StagemigError: how an operation aborts with user-facing diagnostics (the CLI prints them, exit 1).
//
// Must not: be used for bugs: an internal error stays an Error and is reported as one.
import type { Diagnostic } from './diagnostic.js';

/** Unwinds with user-facing diagnostics; the CLI renders them and exits 1. */
export class StagemigError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.summary).join('; '));
    this.name = 'StagemigError';
    this.diagnostics = diagnostics;
  }
}
