import type { Diagnostic } from '../diag/index.js';

/** STUB: replaced by the renderer with excerpts and carets. */
export function renderDiagnostics(diags: readonly Diagnostic[], opts: { color: boolean }): string {
  void opts;
  return diags.map((d) => `${d.severity}: ${d.summary}\n`).join('');
}
