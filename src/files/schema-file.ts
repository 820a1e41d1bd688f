// The JSON Schemas in schemas/, found upwards from this module (src/ or dist/src/), and their validators.
// A validator is the code `npm run build` generated ahead of time (dist/schemas/*.cjs, see
// scripts/compile-schemas.ts) when that code was made from this very schema text and options; otherwise
// (a schema edited since the build) ajv compiles it here. Must not: load ajv's compiler when the
// generated code fits (it is most of the start-up time of a command that validates a file).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options, ValidateFunction } from 'ajv';

/** The schemas of the files stagemig writes and reads back (files/checked-json.ts) and of scenario files; compiled at build time. */
export const READ_BACK_SCHEMAS = ['saved-plan.schema.json', 'applied-record.schema.json', 'simulator-state.schema.json', 'simulator-scenario.schema.json'] as const;
export type ReadBackSchema = (typeof READ_BACK_SCHEMAS)[number];

export type FormatCheck = (value: string) => boolean;

export interface SchemaOptions {
  /** Every error, not just the first (the plan file's diagnostics). */
  allErrors?: boolean;
  /** Errors carry their schema and parent schema (for explaining them). */
  verbose?: boolean;
  /** Checks for `format` keywords, by format name. */
  formats?: Readonly<Record<string, FormatCheck>>;
}

export function schemaFilePath(name: string): string {
  const relative = join('schemas', name);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`stagemig installation is incomplete: ${relative} not found`);
    dir = parent;
  }
}

/** Where `npm run build` writes the generated validator of schemas/<name>: dist/schemas/<name>.cjs. */
export function compiledSchemaPath(name: string): string {
  const root = dirname(dirname(schemaFilePath(name)));
  return join(root, 'dist', 'schemas', `${basename(name, '.json')}.cjs`);
}

/**
 * What generated code must have been made from to be used: the options and the schema text themselves,
 * compared whole (a digest would start node's crypto, several milliseconds of every run).
 */
export function schemaKey(text: string, options: SchemaOptions): string {
  const settings = JSON.stringify({ allErrors: options.allErrors === true, verbose: options.verbose === true, formats: Object.keys(options.formats ?? {}).sort() });
  return `${settings}\0${text}`;
}

/** ajv's options for a schema (the same at build time and here); `source` keeps the code for the build. */
export function ajvOptions(options: SchemaOptions, source?: Options['code']): Options {
  return {
    allErrors: options.allErrors === true, verbose: options.verbose === true, strict: true, strictRequired: false, strictTypes: false,
    ...(source ? { code: source } : {}),
  };
}

const require = createRequire(import.meta.url);

interface CompiledModule {
  key: string;
  create: (formats: Readonly<Record<string, FormatCheck>>) => ValidateFunction;
}

function generated(name: string, key: string, options: SchemaOptions): ValidateFunction | undefined {
  let mod: CompiledModule;
  try {
    mod = require(compiledSchemaPath(name)) as CompiledModule;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined; // not built (tests from src/)
    throw err;
  }
  return mod.key === key ? mod.create(options.formats ?? {}) : undefined;
}

/** ajv's compiler, loaded only when no generated code fits. */
function compileNow(schema: object, options: SchemaOptions): ValidateFunction {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020(ajvOptions(options));
  for (const [format, check] of Object.entries(options.formats ?? {})) ajv.addFormat(format, check);
  return ajv.compile(schema);
}

const validators = new Map<string, ValidateFunction>();

/** A validator for schemas/<name> (JSON Schema 2020-12), made once per process. */
export function compileSchemaFile(name: string, options: SchemaOptions = {}): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    const text = readFileSync(schemaFilePath(name), 'utf8');
    v = generated(name, schemaKey(text, options), options) ?? compileNow(JSON.parse(text) as object, options);
    validators.set(name, v);
  }
  return v;
}
