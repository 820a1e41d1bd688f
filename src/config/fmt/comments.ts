// Comment placement fixes before re-printing. yaml's Document model gives every comment line after
// the last entry of a nested map to that map, even a line indented like the parent's next key
// (`  a: 1\n# about b\nb: 2`); re-printed, it would move into the nested map. The same goes for a
// comment on a key's line (`name:  # note`), which would move below the key, and for a blank line
// between such comment lines and the next key, which yaml keeps in the comment (and would drop).
// All are put back where the source has them, using the source text's indentation.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap, YAMLSeq } from 'yaml';

type Collection = YAMLMap | YAMLSeq;
interface Line { indent: number; text: string | null }

const isBlock = (n: unknown): n is Collection => (isMap(n) || isSeq(n)) && !n.flow && n.range !== undefined && n.range !== null;

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The comment lines (and blank lines between them) that follow a collection's last entry. */
function trailing(text: string, node: Collection): Line[] {
  const [, end, nodeEnd] = node.range!;
  const out: Line[] = [];
  const body = text.slice(end, nodeEnd);
  const parts = body.split(/\r?\n/);
  if (body.endsWith('\n')) parts.pop(); // what follows the last line break is not a line
  for (const raw of end > 0 && text[end - 1] === '\n' ? parts : parts.slice(1)) {
    const t = raw.trim();
    if (t.startsWith('#')) out.push({ indent: raw.length - raw.trimStart().length, text: t.slice(1) });
    else if (t === '' && out.length > 0) out.push({ indent: 0, text: null });
  }
  return out;
}

/** The lines without blank lines at either end, as a comment. */
function asComment(lines: Line[]): string {
  const texts = lines.map((l) => l.text);
  while (texts[0] === null) texts.shift();
  while (texts.length > 0 && texts[texts.length - 1] === null) texts.pop();
  return texts.map((t) => t ?? '').join('\n');
}

/** Lines that follow a collection go above the next key; a blank line before them (or after, when
 * there is no comment: `  # about a\n\nb: 2`) is a blank line above that key. */
function prependBefore(key: YamlNode, lines: Line[]): void {
  if (lines[0]?.text === null) key.spaceBefore = true;
  const text = asComment(lines);
  if (text) key.commentBefore = key.commentBefore ? `${text}\n${key.commentBefore}` : text;
}

/** `key:  # note` followed by a block collection: keep the note on the key's line. */
function keyLineComment(text: string, pair: Pair<YamlNode, YamlNode | null>): void {
  const value = pair.value;
  const keyEnd = pair.key?.range?.[1];
  if (!isBlock(value) || !value.commentBefore || keyEnd === undefined || !isScalar(pair.key)) return;
  const eol = text.indexOf('\n', keyEnd);
  const rest = text.slice(keyEnd, eol === -1 ? undefined : eol);
  const hash = rest.indexOf('#');
  if (hash === -1) return;
  const [first, ...others] = value.commentBefore.split('\n');
  if (first?.trim() !== rest.slice(hash + 1).trim()) return;
  pair.key.comment = first;
  value.commentBefore = others.length > 0 ? others.join('\n') : undefined;
}

/** Fixes a collection and its descendants; returns trailing lines that belong to an ancestor. */
function fix(text: string, node: Collection): Line[] {
  const indent = column(text, node.range![0]);
  let up: Line[] = [];
  node.items.forEach((item, i) => {
    const pair = isPair(item) ? (item as Pair<YamlNode, YamlNode | null>) : undefined;
    if (pair) keyLineComment(text, pair);
    const child = pair ? pair.value : item;
    if (!isBlock(child)) return;
    const lines = fix(text, child);
    const next = node.items[i + 1];
    const nextKey = isPair(next) ? (next.key as YamlNode | null) : (next as YamlNode | undefined);
    if (lines.length > 0 && nextKey) prependBefore(nextKey, lines);
    else up = lines;
  });
  if (node.comment && !up.some((l) => l.text !== null)) {
    const own = trailing(text, node);
    if (own.filter((l) => l.text !== null).length === node.comment.split('\n').filter((l) => l !== '').length) {
      up = own;
      node.comment = undefined;
    }
  }
  let cut = up.findIndex((l) => l.text !== null && l.indent < indent);
  if (cut === -1) cut = up.map((l) => l.text !== null).lastIndexOf(true) + 1; // a blank line after them goes up
  while (cut > 0 && up[cut - 1]!.text === null) cut--; // a blank line before them goes along
  const mine = asComment(up.slice(0, cut));
  if (mine) node.comment = mine;
  return up.slice(cut);
}

export function fixComments(doc: Document, text: string): void {
  const root = doc.contents;
  if (!isBlock(root)) return;
  const up = asComment(fix(text, root));
  if (up) doc.comment = [up, doc.comment].filter((c) => c).join('\n');
}
