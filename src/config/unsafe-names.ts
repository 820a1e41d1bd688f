// Names, addresses and paths that cannot lie: a control character (ESC, a line break, NUL, TAB, DEL,
// a C1 control) or a bidirectional override anywhere in the plan YAML, in a key or a value, is an
// error positioned on the character itself where the source holds it raw (else on its value), so that
// a batch name can never erase lines of a terminal plan or add a heading to a PR comment.
// Must not: echo the offending text raw, or look into literal secrets (reported by literal-secrets.ts).
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diag/index.js';
import { batchAddress, describeUnsafe, endpointAddress, firstUnsafeIndex } from '../model/index.js';
import { quoteValue } from './text/quote-value.js';
import { isSecretKey } from './secrets/secret-mask.js';
import { diagAt, rangeOf, type YamlSource } from './yaml/yaml-source.js';

const PATHS = new Set(['csv', 'stateFile', 'certificateFile', 'module']);
const ADDRESSES = new Set(['emailAddress', 'testMailbox', 'notificationEmails']);

function keyKind(segments: readonly string[]): string {
  if (segments.length === 1 && segments[0] === 'batches') return 'batch name';
  if (segments.length === 1 && segments[0] === 'endpoints') return 'endpoint name';
  return 'key';
}

function valueKind(segments: readonly string[]): string {
  const named = [...segments].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
  if (PATHS.has(named)) return `path (\`${named}\`)`;
  if (ADDRESSES.has(named)) return `address (\`${named}\`)`;
  if (named === 'endpoint' && segments[0] === 'batches') return 'endpoint name (`endpoint`)';
  return `value of \`${named}\``;
}

function addressOf(segments: readonly string[]): { address?: string } {
  if (segments[0] === 'batches' && segments[1] !== undefined) return { address: batchAddress(segments[1]) };
  if (segments[0] === 'endpoints' && segments[1] !== undefined) return { address: endpointAddress(segments[1]) };
  return {};
}

function check(src: YamlSource, node: YamlNode, text: string, kind: string, segments: readonly string[], out: Diagnostic[]): void {
  const at = firstUnsafeIndex(text);
  if (at < 0) return;
  const [start, end] = node.range ?? [0, 0];
  // The character's own column when the source holds it raw; an escape such as "\e" points at the value.
  const raw = src.text.slice(start, end).indexOf(text[at]!);
  const where = raw >= 0 ? rangeOf(src, start + raw, start + raw + 1) : rangeOf(src, start, end);
  out.push(diagAt(src, 'CONTROL_CHARACTER', `The ${kind} ${quoteValue(text, 60)} holds a control character (${describeUnsafe(text[at]!)})`, where, {
    ...addressOf(segments),
    detail: 'Names, addresses and paths are shown in terminals and pull-request comments, where such a character could hide or fake text.',
    hint: 'Remove it: names, addresses and paths may hold letters, digits, punctuation and spaces, but no escape, line break, tab, NUL or bidirectional control.',
  }));
}

function walk(src: YamlSource, node: unknown, segments: string[], out: Diagnostic[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const name = isScalar(key) ? String(key.value) : '';
      if (isScalar(key) && typeof key.value === 'string') check(src, key, key.value, keyKind(segments), [...segments, name], out);
      if (!isSecretKey(name)) walk(src, pair.value, [...segments, name], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(src, item, [...segments, String(i)], out));
  } else if (isScalar(node) && typeof node.value === 'string') {
    check(src, node, node.value, valueKind(segments), segments, out);
  }
}

/** One error per key or value that holds a control character. */
export function unsafeNameDiagnostics(src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(src, src.doc.contents, [], out);
  return out;
}
