// Diagnostics for humans: `file:line:col: error: summary`, the source line with a caret, the
// detail and a hint (yaml's prettifyError style). CSV problems are located by line only.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import pc from 'picocolors';
import type { Diagnostic } from '../../diag/index.js';
import { termText } from './safe-text.js';

type Colors = ReturnType<typeof pc.createColors>;

const MAX_EXCERPT = 80;

/** CSV rows are reported as file:line; their cells have no meaningful column. */
export function isLineOnly(d: Diagnostic): boolean {
  return d.code.startsWith('CSV_');
}

function location(d: Diagnostic): string {
  const r = d.range;
  if (!r) return '';
  const file = termText(r.file);
  return isLineOnly(d) ? `${file}:${r.start.line}: ` : `${file}:${r.start.line}:${r.start.col}: `;
}

/** The excerpt clipped to MAX_EXCERPT columns around the caret; returns the text and the caret offset. */
function clip(line: string, caretIdx: number): { text: string; caret: number } {
  const flat = line.replace(/\t/g, ' ');
  if (flat.length <= MAX_EXCERPT) return { text: flat, caret: caretIdx };
  const start = Math.max(0, Math.min(caretIdx - 40, flat.length - MAX_EXCERPT));
  const head = start > 0 ? '…' : '';
  const tail = start + MAX_EXCERPT < flat.length ? '…' : '';
  return { text: `${head}${flat.slice(start, start + MAX_EXCERPT)}${tail}`, caret: caretIdx - start + head.length };
}

function excerptLines(d: Diagnostic, c: Colors): string[] {
  const r = d.range;
  if (d.excerpt === undefined || !r) return [];
  const num = String(r.start.line);
  const gutter = ' '.repeat(num.length);
  if (isLineOnly(d)) return [`${c.dim(`${num} |`)} ${termText(d.excerpt.replace(/\t/g, ' '))}`];
  // Control characters in the line are shown escaped; the caret moves with the text before it.
  const raw = d.excerpt.replace(/\t/g, ' ');
  const cut = Math.max(0, Math.min(r.start.col - 1, raw.length));
  const excerpt = termText(raw);
  const idx = termText(raw.slice(0, cut)).length;
  const { text, caret } = clip(excerpt, idx);
  const sameLine = r.end && r.end.line === r.start.line;
  const width = sameLine && r.end ? Math.max(1, Math.min(r.end.col - r.start.col, text.length - caret)) : 1;
  const paint = d.severity === 'error' ? c.red : c.yellow;
  return [`${c.dim(`${num} |`)} ${text}`, `${c.dim(`${gutter} |`)} ${' '.repeat(caret)}${paint('^'.repeat(width))}`];
}

function renderOne(d: Diagnostic, c: Colors): string {
  const label = d.severity === 'error' ? c.bold(c.red('error')) : c.bold(c.yellow('warning'));
  const lines = [`${c.bold(location(d))}${label}: ${c.bold(termText(d.summary))}`];
  lines.push(...excerptLines(d, c).map((l) => `  ${l}`));
  if (d.detail) lines.push(...d.detail.split('\n').map((l) => `  ${termText(l)}`));
  if (d.hint) lines.push(`  ${c.cyan('hint:')} ${termText(d.hint)}`);
  return `${lines.join('\n')}\n`;
}

/** Renders diagnostics in the given order, separated by blank lines. */
export function renderDiagnostics(diags: readonly Diagnostic[], opts: { color: boolean }): string {
  const c = pc.createColors(opts.color);
  return diags.map((d) => renderOne(d, c)).join('\n');
}
