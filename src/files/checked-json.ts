// Every JSON file stagemig reads back (saved plan, last-applied record, simulator state) is checked
// against its JSON Schema in schemas/ before any field is used: a hand-edited or foreign file gets a
// clear, positioned error instead of a TypeError deep inside.
//
// Must not: print, or know what a plan or the service is: paths and bytes only.
import { LineCounter, parseDocument } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { error, StagemigError } from '../diag/index.js';
import type { SourceRange } from '../diag/index.js';
import { compileSchemaFile, type ReadBackSchema } from './schema-file.js';
import { FileReadError, readRegularFile } from './bounded-read.js';

export interface CheckedJsonOptions {
  /** Absolute path to read. */
  path: string;
  /** Path as shown to the user. */
  file: string;
  /** Schema file in schemas/, e.g. "saved-plan.schema.json" (compiled at build time). */
  schema: ReadBackSchema;
  maxBytes: number;
  /** "saved plan", "last-applied record", "simulator state file". */
  what: string;
  hint: string;
}

/** Positions are found only for files small enough to parse twice cheaply. */
const POSITION_LIMIT = 8 * 1024 * 1024;

function rangeAt(text: string, file: string, offset: number): SourceRange {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, start: { line, col: offset - before.lastIndexOf('\n') } };
}

function rangeOfPointer(text: string, file: string, pointer: string): SourceRange {
  if (text.length > POSITION_LIMIT) return { file, start: { line: 1, col: 1 } };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const path = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lc.linePos(node.range[0]);
      return { file, start: { line, col } };
    }
  }
  return { file, start: { line: 1, col: 1 } };
}

const explain = (e: ErrorObject): string => {
  const where = e.instancePath === '' ? 'the top level' : e.instancePath;
  const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
    : e.keyword === 'enum' ? ` (${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')})` : '';
  return `${where} ${e.message ?? 'is invalid'}${extra}`;
};

/** Parses and validates JSON text; throws a FILE_INVALID StagemigError naming the file, line and column. */
export function checkJsonText<T>(text: string, opts: Omit<CheckedJsonOptions, 'path' | 'maxBytes'>, validate?: ValidateFunction): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    throw new StagemigError([error('FILE_INVALID', `The ${opts.what} ${opts.file} is not valid JSON`, {
      detail: (err as Error).message, hint: opts.hint, range: rangeAt(text, opts.file, at ? Number(at[1]) : 0),
    })]);
  }
  return checkJsonValue<T>(data, text, opts, validate);
}

/** Validates a value already parsed from `text` (the text only positions the error); throws like checkJsonText. */
export function checkJsonValue<T>(data: unknown, text: string, opts: Omit<CheckedJsonOptions, 'path' | 'maxBytes'>, validate?: ValidateFunction): T {
  const check = validate ?? compileSchemaFile(opts.schema);
  if (check(data)) return data as T;
  const errors = check.errors ?? [];
  const first = errors[0];
  throw new StagemigError([error('FILE_INVALID', `The ${opts.what} ${opts.file} is not valid: ${first ? explain(first) : 'it does not match its schema'}`, {
    detail: errors.slice(1, 5).map(explain).join('; ') || undefined,
    hint: opts.hint,
    range: rangeOfPointer(text, opts.file, first?.instancePath ?? ''),
  })]);
}

/** Reads (bounded, regular files only), parses and validates a JSON file; undefined when it does not exist. */
export async function readCheckedJson<T>(opts: CheckedJsonOptions): Promise<T | undefined> {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(opts.path, opts.maxBytes);
  } catch (err) {
    if (err instanceof FileReadError && err.kind === 'missing') return undefined;
    const reason = err instanceof FileReadError ? err.reason : (err as Error).message;
    throw new StagemigError([error(err instanceof FileReadError && err.kind === 'too-large' ? 'INPUT_TOO_LARGE' : 'FILE_INVALID',
      `The ${opts.what} ${opts.file} ${reason}`, { hint: opts.hint })]);
  }
  return checkJsonText<T>(bytes.toString('utf8'), opts);
}
