// Small helpers for GitHub-flavoured markdown: escaping user text, code fences, counts.
// Everything user- or service-supplied goes through mdText, codeSpan or htmlText: control characters
// become visible \u escapes (a line break cannot start a heading of its own), markdown and HTML
// metacharacters lose their meaning, and @mentions ping nobody.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { escapeUnsafe } from '../../model/index.js';

const MD_SPECIAL = /[\\`*_[\]|~>#!]/g;
/** An @ where GitHub would see a mention (not inside a word such as an e-mail address). */
const MENTION = /(^|[^A-Za-z0-9_])@/g;
/** A zero-width space after the @: the text reads the same, the mention matches nobody. */
const quietMentions = (s: string): string => s.replace(MENTION, '$1@&#8203;');

/** Plain text that renders as itself in markdown (also inside table cells), with no mention and no line break. */
export const mdText = (s: string): string =>
  quietMentions(escapeUnsafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(MD_SPECIAL, (c) => (c === '>' ? '&gt;' : `\\${c}`)));

/** A value as an inline code span that is safe inside a table cell (mentions do not ping in code). */
export function codeSpan(text: string): string {
  const t = escapeUnsafe(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || t.startsWith(' ') || t.endsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${t}${pad}${ticks}`;
}

/** A setting's value for a table: strings as they are, lists comma-separated, each in a code span. */
export function valueCell(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map((x) => codeSpan(String(x))).join(', ');
  return codeSpan(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** Text inside HTML elements such as <summary>, or in an HTML report. */
export const htmlText = (s: string): string =>
  escapeUnsafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** htmlText inside a markdown document (a <summary>, a <code>): mentions quietened too. */
export const mdHtmlText = (s: string): string => quietMentions(htmlText(s));

/** A fenced code block whose fence cannot be closed by the content, and whose lines stay lines. */
export function codeBlock(lang: string, lines: readonly string[]): string {
  const safe = lines.map(escapeUnsafe);
  let fence = '```';
  while (safe.some((l) => l.includes(fence))) fence += '`';
  return [`${fence}${lang}`, ...safe, fence].join('\n');
}

export const num = (n: number): string => n.toLocaleString('en-US');

/** The list cut to `cap` entries, and how many were left out. */
export function capped<T>(items: readonly T[], cap: number): { shown: readonly T[]; hidden: number } {
  return items.length <= cap ? { shown: items, hidden: 0 } : { shown: items.slice(0, cap), hidden: items.length - cap };
}
