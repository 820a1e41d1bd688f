// Puts map keys in canonical order. Comments and blank lines travel with their key; a YAML merge
// key (<<) stays first; unknown keys follow the known ones in their written order.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { KeyOrder } from './key-order.js';

const keyText = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : String(p.key));

function rank(order: KeyOrder, key: string): number {
  if (key === '<<') return -1;
  const i = order.keys.indexOf(key);
  return i === -1 ? order.keys.length : i;
}

export function reorderNode(node: unknown, order: KeyOrder | undefined): void {
  if (isSeq(node)) {
    for (const item of node.items) reorderNode(item, order);
    return;
  }
  if (!isMap(node) || !order) return;
  const pairs = node.items as Pair[];
  if (order.keys.length > 0) {
    const indexed = pairs.map((p, i) => ({ p, i, r: rank(order, keyText(p)) }));
    indexed.sort((a, b) => a.r - b.r || a.i - b.i);
    node.items = indexed.map((x) => x.p);
  }
  for (const p of node.items as Pair[]) reorderNode(p.value, order.child(keyText(p)));
}

/** Reorders the document; the comment above the first key stays at the top of the file. */
export function reorderDocument(doc: Document, order: KeyOrder): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const first = root.items[0] as Pair<YamlNode> | undefined;
  reorderNode(root, order);
  const now = root.items[0] as Pair<YamlNode> | undefined;
  if (!first || first === now || !first.key.commentBefore) return;
  doc.commentBefore = [doc.commentBefore, first.key.commentBefore].filter((c) => c).join('\n');
  first.key.commentBefore = undefined;
  first.key.spaceBefore = true;
}
