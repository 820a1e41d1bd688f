// Canonical key order, read from the plan's JSON Schema: a map's keys follow the order of the
// schema's `properties`; maps of named resources (endpoints, batches) keep the author's order.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { planSchema } from '../schema/schema-load.js';

export interface KeyOrder {
  /** Known keys in canonical order (empty: keep the order as written). */
  keys: string[];
  /** Order inside the value of a known key. */
  child: (key: string) => KeyOrder | undefined;
}

type Sch = Record<string, unknown>;
const isObj = (v: unknown): v is Sch => typeof v === 'object' && v !== null && !Array.isArray(v);

function deref(root: Sch, node: unknown): Sch | undefined {
  if (!isObj(node)) return undefined;
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let cur: unknown = root;
  for (const seg of ref.slice(2).split('/')) cur = isObj(cur) ? cur[seg] : undefined;
  return deref(root, cur);
}

function orderOf(root: Sch, node: Sch | undefined): KeyOrder | undefined {
  if (!node) return undefined;
  const props = isObj(node.properties) ? node.properties : undefined;
  const each = deref(root, node.additionalProperties);
  if (props) return { keys: Object.keys(props), child: (k) => orderOf(root, deref(root, props[k])) };
  if (each) return { keys: [], child: () => orderOf(root, each) };
  return undefined;
}

let cached: KeyOrder | undefined;

/** The order for the whole plan document. */
export function planKeyOrder(): KeyOrder {
  cached ??= orderOf(planSchema(), planSchema()) ?? { keys: [], child: () => undefined };
  return cached;
}
