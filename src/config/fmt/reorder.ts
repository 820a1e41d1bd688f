// Puts map keys in canonical order, with the layout fmt gives a file written in that order: a key's
// comment travels with it, and so does the blank line above it, except at the front of a map: a
// blank line right below the parent key (or the file's header comment) stays there, and a key moving
// to the front leaves its blank line to the key it displaced. A YAML merge key (<<) stays first;
// unknown keys follow the known ones in their written order. The file's header comment (the comment
// lines above the first key, up to the last blank line among them, or all of them if there is none)
// stays at the top.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { KeyOrder } from './key-order.js';

const keyText = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : String(p.key));

function rank(order: KeyOrder, key: string): number {
  if (key === '<<') return -1;
  const i = order.keys.indexOf(key);
  return i === -1 ? order.keys.length : i;
}

interface Lead { space: boolean; comment: string | undefined }

const join = (a: string | undefined, b: string | undefined): string | undefined => (a && b ? `${a}\n${b}` : a || b || undefined);

/** Takes the blank line and the comment above a key off it. */
function takeLead(key: YamlNode): Lead {
  const lead = { space: Boolean(key.spaceBefore), comment: key.commentBefore ?? undefined };
  key.spaceBefore = undefined;
  key.commentBefore = undefined;
  return lead;
}

function putLead(on: YamlNode, lead: Lead): void {
  on.spaceBefore = lead.space || undefined;
  on.commentBefore = lead.comment;
}

/** Sorts a map's pairs; true if the first pair changed. */
function sortPairs(node: YAMLMap, order: KeyOrder): boolean {
  const pairs = node.items as Pair[];
  if (order.keys.length === 0 || pairs.length < 2) return false;
  const first = pairs[0];
  const indexed = pairs.map((p, i) => ({ p, i, r: rank(order, keyText(p)) }));
  indexed.sort((a, b) => a.r - b.r || a.i - b.i);
  node.items = indexed.map((x) => x.p);
  return node.items[0] !== first;
}

/** `nested`: a block map that is a key's value, where yaml keeps the comment above its first key on the map. */
export function reorderNode(node: unknown, order: KeyOrder | undefined, nested = false): void {
  if (isSeq(node)) {
    for (const item of node.items) reorderNode(item, order);
    return;
  }
  if (!isMap(node) || !order) return;
  const first = node.items[0] as Pair<YamlNode> | undefined;
  if (sortPairs(node, order) && first) {
    const now = (node.items[0] as Pair<YamlNode>).key;
    const lead = takeLead(now);
    const space = lead.space && !node.flow;
    if (nested && !node.flow) {
      putLead(first.key, { space, comment: join(node.commentBefore ?? undefined, first.key.commentBefore ?? undefined) });
      node.commentBefore = lead.comment;
    } else {
      first.key.spaceBefore = space || undefined;
      now.commentBefore = lead.comment;
    }
  }
  for (const p of node.items as Pair[]) reorderNode(p.value, order.child(keyText(p)), true);
}

/** Splits the comment above a file's first key into the file's header and the key's own comment. */
function splitHeader(comment: string): { header: string | undefined; own: string | undefined } {
  const lines = comment.split('\n');
  const blank = lines.lastIndexOf('');
  if (blank === -1) return { header: comment, own: undefined };
  return { header: lines.slice(0, blank).join('\n').replace(/\n+$/, '') || undefined, own: lines.slice(blank + 1).join('\n') || undefined };
}

/** After the top-level keys moved: the header stays on top, each key keeps its own comment. */
function keepHeader(doc: Document, first: YamlNode, now: YamlNode): void {
  const old = takeLead(first);
  // yaml keeps the header on the document when a blank line parts it from an uncommented first key.
  let header = doc.commentBefore ?? undefined;
  let parted = header !== undefined;
  if (!parted && old.comment) {
    const split = splitHeader(old.comment);
    [header, old.comment, parted] = [split.header, split.own, split.own !== undefined];
  }
  const lead = takeLead(now);
  putLead(first, { space: lead.space, comment: old.comment });
  doc.commentBefore = null;
  if (header === undefined || !(parted || (lead.space && lead.comment))) now.commentBefore = join(header, lead.comment);
  else if (lead.comment) now.commentBefore = `${header}\n\n${lead.comment}`;
  else doc.commentBefore = header; // printed with a blank line below it
}

/** Reorders the document; the file's header comment stays at the top. */
export function reorderDocument(doc: Document, order: KeyOrder): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const first = root.items[0] as Pair<YamlNode> | undefined;
  if (sortPairs(root, order) && first) keepHeader(doc, first.key, (root.items[0] as Pair<YamlNode>).key);
  for (const p of root.items as Pair[]) reorderNode(p.value, order.child(keyText(p)), true);
}
