// Small helpers for GitHub-flavoured markdown: escaping user text, code fences, counts.
import { count } from '../../model/index.js';

const MD_SPECIAL = /[\\`*_[\]|~>]/g;

/** Plain text that renders as itself in markdown (also inside table cells). */
export const mdText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(MD_SPECIAL, (c) => (c === '>' ? '&gt;' : `\\${c}`));

/** A value as an inline code span that is safe inside a table cell. */
export function codeSpan(text: string): string {
  const t = text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const ticks = t.includes('`') ? '``' : '`';
  return `${ticks}${ticks === '``' ? ' ' : ''}${t}${ticks === '``' ? ' ' : ''}${ticks}`;
}

/** A setting's value for a table: strings as they are, lists comma-separated, each in a code span. */
export function valueCell(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map((x) => codeSpan(String(x))).join(', ');
  return codeSpan(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** Text inside HTML elements such as <summary>. */
export const htmlText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A fenced code block whose fence cannot be closed by the content. */
export function codeBlock(lang: string, lines: readonly string[]): string {
  let fence = '```';
  while (lines.some((l) => l.includes(fence))) fence += '`';
  return [`${fence}${lang}`, ...lines, fence].join('\n');
}

export const num = count;

/** The list cut to `cap` entries, and how many were left out. */
export function capped<T>(items: readonly T[], cap: number): { shown: readonly T[]; hidden: number } {
  return items.length <= cap ? { shown: items, hidden: 0 } : { shown: items.slice(0, cap), hidden: items.length - cap };
}
