// Reading a scenario file's YAML (or JSON) nodes with positions, collecting positioned errors.
//
// Must not: print; its time is the simulated clock in the state (the host's clock only comes in as an argument).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { error, type Diagnostic, type DiagnosticCode } from '../../diag/index.js';

export class ScenarioReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly doc: Document;
  readonly #lines = new LineCounter();

  constructor(text: string, readonly file: string) {
    // yaml's own unique-key check compares every pair of keys (20,000 mailbox entries took over a
    // minute); entries() finds duplicates with a set instead.
    this.doc = parseDocument(text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: false });
    for (const e of this.doc.errors) {
      const at = this.#lines.linePos(e.pos[0]);
      this.diagnostics.push(error('YAML_SYNTAX', `Scenario file: ${e.message.split('\n')[0]}`, {
        range: { file, start: { line: at.line, col: at.col } },
        hint: 'A scenario file is YAML or JSON; see "Faults" in the README for its format.',
      }));
    }
  }

  /** Records an error at `node` (or at the top of the file). */
  fail(node: YamlNode | null | undefined, summary: string, hint?: string, code: DiagnosticCode = 'SCHEMA_VIOLATION'): undefined {
    const offset = node?.range?.[0] ?? 0;
    const at = this.#lines.linePos(offset);
    this.diagnostics.push(error(code, summary, { range: { file: this.file, start: { line: at.line, col: at.col } }, ...(hint ? { hint } : {}) }));
    return undefined;
  }

  /** The entries of a mapping as [key text, key node, value node]; an error when `node` is not a mapping. */
  entries(node: unknown, what: string): Array<[string, YamlNode, YamlNode | null]> | undefined {
    if (!isMap(node)) return this.fail(node as YamlNode, `${what} must be a mapping (key: value)`);
    const seen = new Set<string>();
    return node.items.map((pair) => {
      const key = pair.key as YamlNode;
      const text = isScalar(key) ? String(key.value) : '';
      if (seen.has(text)) this.fail(key, `Scenario file: Map keys must be unique ("${text}" appears twice in ${what})`, undefined, 'YAML_SYNTAX');
      seen.add(text);
      return [text, key, (pair.value ?? null) as YamlNode | null];
    });
  }

  /** A list's items, or a mapping's keys when `node` is a list of names. */
  items(node: unknown): YamlNode[] | undefined {
    return isSeq(node) ? (node.items as YamlNode[]) : undefined;
  }

  text(node: YamlNode | null, what: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
    return this.fail(node, `${what} must be a non-empty text`);
  }

  count(node: YamlNode | null, what: string): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 1) return node.value;
    return this.fail(node, `${what} must be a whole number of at least 1`);
  }

  oneOf<T extends string>(node: YamlNode | null, what: string, allowed: readonly T[]): T | undefined {
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.fail(node, `${what} must be one of: ${allowed.join(', ')}`, undefined);
  }

  unknownKey(key: YamlNode, name: string, where: string, known: readonly string[]): void {
    this.fail(key, `Unknown key \`${name}\` in ${where}`, `Known keys: ${known.join(', ')}.`, 'UNKNOWN_KEY');
  }
}
