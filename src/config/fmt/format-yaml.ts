// `stagemig fmt`: a plan YAML in canonical order and style, comments kept (yaml's Document API).
// Canonical style: keys in schema order (named resources keep the author's order), two-space
// indentation, block sequences indented under their key, strings unquoted unless YAML needs
// quotes (then double quotes), one space before a trailing comment, no line folding, LF endings.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import { isDeepStrictEqual } from 'node:util';
import { Lexer, parseDocument, Scalar, visit } from 'yaml';
import type { Document } from 'yaml';
import type { Diagnostic } from '../../diag/index.js';
import { error } from '../../diag/index.js';
import { yamlSyntaxDiagnostics } from '../yaml/yaml-syntax.js';
import { parseYamlSource } from '../yaml/yaml-source.js';
import { fixComments } from './comments.js';
import { planKeyOrder } from './key-order.js';
import { reorderDocument } from './reorder.js';

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; diagnostics: Diagnostic[] };

const PRINT = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;
const QUOTED = new Set<unknown>([Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);

/** Strings and keys print plain where YAML allows it; block scalars (| and >) keep their style. */
function normaliseScalars(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && QUOTED.has(node.type)) delete node.type;
    },
  });
}

function formatOnce(text: string): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  fixComments(doc, text);
  reorderDocument(doc, planKeyOrder());
  normaliseScalars(doc);
  return doc.toString(PRINT);
}

/** Every comment's text, in any order: formatting may move comments but must not drop one. */
function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.slice(1).trim()).sort();
}

const data = (text: string): unknown => parseDocument(text, { merge: true }).toJS({ maxAliasCount: 1000 });

export function formatPlanYaml(text: string, absPath: string, file: string): FormatResult {
  const src = parseYamlSource(text, absPath, file);
  if (src.doc.errors.length > 0) return { ok: false, diagnostics: yamlSyntaxDiagnostics(src).filter((d) => d.severity === 'error') };
  const source = text.replace(/\r\n?/g, '\n');
  if (src.doc.contents === null) return { ok: true, text: source, changed: source !== text }; // empty or comments only
  const refuse = (why: string): FormatResult => ({ ok: false, diagnostics: [error('YAML_SYNTAX', `${file} was left as it is: ${why}`, {
    range: { file, start: { line: 1, col: 1 } },
    hint: 'Format this file by hand (and tell the stagemig maintainers if the file is valid YAML).',
  })] });
  let out: string;
  try {
    out = formatOnce(source);
    for (let i = 0; i < 3; i++) {
      const again = formatOnce(out);
      if (again === out) break;
      out = again;
    }
    if (parseDocument(out).errors.length > 0 || !isDeepStrictEqual(data(source), data(out))) {
      return refuse('formatting would change what it means');
    }
  } catch (err) {
    return refuse(`it cannot be put in canonical order (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isDeepStrictEqual(comments(source), comments(out))) return refuse('formatting would lose a comment');
  return { ok: true, text: out, changed: out !== text };
}

