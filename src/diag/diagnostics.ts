// Questions about lists of diagnostics: any errors, and the one sort order (file, line, column).
//
// Must not: render or print (render/common/diagnostics.ts does).
import type { Diagnostic } from './diagnostic.js';

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Sort by file, then line, then column; diagnostics without a range keep their order at the end. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const indexed = diags.map((d, i) => ({ d, i }));
  indexed.sort((a, b) => {
    const ra = a.d.range;
    const rb = b.d.range;
    if (ra && !rb) return -1;
    if (!ra && rb) return 1;
    if (ra && rb) {
      if (ra.file !== rb.file) return ra.file < rb.file ? -1 : 1;
      if (ra.start.line !== rb.start.line) return ra.start.line - rb.start.line;
      if (ra.start.col !== rb.start.col) return ra.start.col - rb.start.col;
    }
    return a.i - b.i;
  });
  return indexed.map((x) => x.d);
}
