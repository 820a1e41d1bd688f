// The plan YAML with positions: parse once, then turn offsets and nodes into ranges and excerpts.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { LineCounter, parseDocument, isPair, isScalar, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Diagnostic, DiagnosticCode, SourcePos, SourceRange } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import { isSecretKey, maskSecretsInLine, maskSpans } from '../secrets/secret-mask.js';

export interface YamlSource {
  /** Path as shown to the user. */
  file: string;
  absPath: string;
  text: string;
  lc: LineCounter;
  doc: Document.Parsed;
  /** Pairs whose key names a secret written in clear text. */
  secretPairs: Pair<YamlNode, YamlNode | null>[];
  /** Offsets [start, end) of secret values, masked in every excerpt. */
  secretSpans: Array<[number, number]>;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function looksLikeEnvName(node: YamlNode | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || ENV_NAME.test(String(node.value))));
}

export function parseYamlSource(text: string, absPath: string, file: string): YamlSource {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, merge: true });
  const secretPairs: YamlSource['secretPairs'] = [];
  const secretSpans: Array<[number, number]> = [];
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const p = pair as Pair<YamlNode, YamlNode | null>;
      const r = p.value?.range;
      if (isSecretKey(key)) {
        secretPairs.push(p);
        if (r) secretSpans.push([r[0], r[1]]);
      } else if (/env$/i.test(key) && r && !looksLikeEnvName(p.value)) {
        // `passwordEnv: <the password itself>`: hide it as well.
        secretSpans.push([r[0], r[1]]);
      }
    },
  });
  return { file, absPath, text, lc, doc, secretPairs, secretSpans };
}

export function positionAt(src: YamlSource, offset: number): SourcePos {
  const { line, col } = src.lc.linePos(Math.max(0, Math.min(offset, src.text.length)));
  return { line, col };
}

function lineBounds(src: YamlSource, line: number): [number, number] {
  const start = src.lc.lineStarts[line - 1] ?? src.text.length;
  let end = src.lc.lineStarts[line] ?? src.text.length;
  while (end > start && (src.text[end - 1] === '\n' || src.text[end - 1] === '\r')) end--;
  return [start, end];
}

/** The source line, secrets masked. */
export function excerptLine(src: YamlSource, line: number): string {
  const [start, end] = lineBounds(src, line);
  return maskSecretsInLine(maskSpans(src.text.slice(start, end), start, src.secretSpans));
}

export function rangeOf(src: YamlSource, start: number, end?: number): SourceRange {
  const range: SourceRange = { file: src.file, start: positionAt(src, start) };
  if (end !== undefined && end > start) range.end = positionAt(src, end);
  return range;
}

/** Range of a node's own text (for a map or sequence: where it starts, up to its value end). */
export function nodeRange(src: YamlSource, node: YamlNode | null | undefined): SourceRange {
  const r = node?.range;
  if (!r) return rangeOf(src, 0);
  return rangeOf(src, r[0], r[1]);
}

/** A positioned error at [start, end) with the masked source line as excerpt. */
export function diagAt(
  src: YamlSource,
  code: DiagnosticCode,
  summary: string,
  where: SourceRange,
  extra: Omit<Diagnostic, 'severity' | 'code' | 'summary' | 'range' | 'excerpt'> = {},
): Diagnostic {
  return error(code, summary, { ...extra, range: where, excerpt: excerptLine(src, where.start.line) });
}
