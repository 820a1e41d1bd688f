// JSON pointers (ajv instancePath) → the YAML nodes they name, for positioned schema errors.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import type { YamlSource } from './yaml-source.js';

export interface Located {
  /** The deepest node found along the path. */
  node: YamlNode | null;
  /** The map pair holding that node, when the last step was a map key. */
  pair?: Pair<unknown, unknown>;
  /** True when every segment was found. */
  exact: boolean;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function findPair(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    const k = item.key;
    if (isScalar(k) ? String(k.value) === key : String(k) === key) return item;
  }
  return undefined;
}

export function locate(src: YamlSource, segments: readonly string[]): Located {
  let node = (src.doc.contents ?? null) as YamlNode | null;
  let pair: Pair<unknown, unknown> | undefined;
  for (const seg of segments) {
    if (isMap(node)) {
      const p = findPair(node, seg);
      if (!p) return { node, pair, exact: false };
      pair = p;
      node = (p.value ?? p.key ?? node) as YamlNode | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { node, pair, exact: false };
      pair = undefined;
      node = item as YamlNode;
    } else {
      return { node, pair, exact: false };
    }
  }
  return { node, pair, exact: true };
}

/** The key node of the pair holding the object at `segments`, or the object itself at the root. */
export function locateKey(src: YamlSource, segments: readonly string[]): YamlNode | null {
  const loc = locate(src, segments);
  if (loc.pair && loc.exact) return (loc.pair.key ?? loc.node) as YamlNode | null;
  return loc.node;
}
