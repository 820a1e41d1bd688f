// YAML parse errors and warnings → positioned diagnostics (all of them, not just the first).
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../../diag/index.js';
import { warning } from '../../diag/index.js';
import { diagAt, excerptLine, rangeOf, type YamlSource } from './yaml-source.js';

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear only once in a map: remove or rename the duplicate.',
  TAB_AS_INDENT: 'YAML indents with spaces only: replace the tab with spaces.',
  BAD_INDENT: 'Check the indentation: keys of the same map must start in the same column.',
  MISSING_CHAR: 'A quote, bracket or brace is not closed; add the missing character.',
  MULTIPLE_DOCS: 'A plan file holds one YAML document: remove the `---` separator and what follows.',
  BLOCK_AS_IMPLICIT_KEY: 'A key must fit on one line and be followed by `: ` and its value.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line and be followed by `: ` and its value.',
  UNEXPECTED_TOKEN: 'Check the punctuation here; a value containing `: ` or ` #` must be quoted.',
  BAD_SCALAR_START: 'Values starting with `@`, `` ` ``, `%` or other reserved characters must be quoted.',
};

const DEFAULT_HINT = 'Fix the YAML syntax at this position (values containing `: ` or ` #` must be quoted).';

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * yaml reports an unclosed quote at the end of the file; the useful place is the opening quote,
 * which is the last unescaped quote character before that point.
 */
function openingQuote(src: YamlSource, err: YAMLError): number | undefined {
  const m = /^Missing closing (["'])quote/.exec(err.message);
  if (!m || err.code !== 'MISSING_CHAR') return undefined;
  const q = m[1] ?? '"';
  for (let i = Math.min(err.pos[0], src.text.length) - 1; i >= 0; i--) {
    if (src.text[i] === q && !(q === '"' && src.text[i - 1] === '\\')) return i;
  }
  return undefined;
}

function hintFor(err: YAMLError): string {
  const close = /end with an? ([\]}])/.exec(err.message);
  if (close) return `Close the ${close[1] === ']' ? 'list with `]`' : 'map with `}`'} (and indent continuation lines further than the key).`;
  return HINTS[err.code] ?? DEFAULT_HINT;
}

function toDiagnostic(src: YamlSource, err: YAMLError, isWarning: boolean): Diagnostic {
  const quote = openingQuote(src, err);
  const [start, end] = quote === undefined ? err.pos : [quote, quote + 1];
  const range = rangeOf(src, start, end);
  const summary = `YAML syntax: ${firstSentence(err.message)}${quote === undefined ? '' : ' (the string starts here)'}`;
  const hint = hintFor(err);
  if (isWarning) return warning('YAML_SYNTAX', summary, { range, hint, excerpt: excerptLine(src, range.start.line) });
  return diagAt(src, 'YAML_SYNTAX', summary, range, { hint });
}

export function yamlSyntaxDiagnostics(src: YamlSource): Diagnostic[] {
  return [
    ...src.doc.errors.map((e) => toDiagnostic(src, e, false)),
    ...src.doc.warnings.map((e) => toDiagnostic(src, e, true)),
  ];
}
