// The JSON Schemas are compiled at build time (scripts/compile-schemas.ts): the generated code is
// current, is what the validators use, and judges every document exactly as ajv compiling it would.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ajvOptions, compiledSchemaPath, compileSchemaFile, READ_BACK_SCHEMAS, schemaFilePath, schemaKey, type SchemaOptions } from '../../src/files/schema-file.js';
import { PLAN_SCHEMA, PLAN_SCHEMA_OPTIONS } from '../../src/config/schema/schema-load.js';

const ROOT = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const SCHEMAS: Array<[string, SchemaOptions]> = [[PLAN_SCHEMA, PLAN_SCHEMA_OPTIONS], ...READ_BACK_SCHEMAS.map((n): [string, SchemaOptions] => [n, {}])];

function compiledNow(name: string, options: SchemaOptions): ValidateFunction {
  const ajv = new Ajv2020(ajvOptions(options));
  for (const [f, check] of Object.entries(options.formats ?? {})) ajv.addFormat(f, check);
  return ajv.compile(JSON.parse(readFileSync(schemaFilePath(name), 'utf8')) as object);
}

function generated(name: string, options: SchemaOptions): { key: string; validate: ValidateFunction } {
  const mod = require(compiledSchemaPath(name)) as { key: string; create: (f: SchemaOptions['formats']) => ValidateFunction };
  return { key: mod.key, validate: mod.create(options.formats ?? {}) };
}

const judged = (v: ValidateFunction, doc: unknown) => ({ ok: v(doc), errors: v.errors ?? null });

describe('JSON Schemas compiled at build time', () => {
  it.each(SCHEMAS)('npm run build wrote current code for %s, and that is the validator in use', (name, options) => {
    const file = compiledSchemaPath(name);
    expect(existsSync(file), `${file} (run npm run build)`).toBe(true);
    const { key } = generated(name, options);
    expect(key).toBe(schemaKey(readFileSync(schemaFilePath(name), 'utf8'), options));
    const inUse = compileSchemaFile(name, options);
    expect(inUse(42)).toBe(false);
    expect(inUse.toString()).toBe(generated(name, options).validate.toString());
  });

  it('the key changes with the schema text and with the options', () => {
    const text = readFileSync(schemaFilePath(PLAN_SCHEMA), 'utf8');
    const key = schemaKey(text, PLAN_SCHEMA_OPTIONS);
    expect(schemaKey(`${text} `, PLAN_SCHEMA_OPTIONS)).not.toBe(key);
    expect(schemaKey(text, { ...PLAN_SCHEMA_OPTIONS, allErrors: false })).not.toBe(key);
    expect(schemaKey(text, { ...PLAN_SCHEMA_OPTIONS, formats: {} })).not.toBe(key);
  });

  it('the plan schema: generated and freshly compiled code give the same verdict and the same errors', () => {
    const good = parse(readFileSync(join(ROOT, 'examples/contoso/stagemig.yaml'), 'utf8')) as Record<string, unknown>;
    const bad = parse(readFileSync(join(ROOT, 'test/fixtures/config/schema-errors/stagemig.yaml'), 'utf8')) as unknown;
    const docs: unknown[] = [
      good, bad, {}, [], 'text', null,
      { ...good, organization: 'not a domain!' },
      { ...good, version: 2, extra: true },
      { ...good, cutover: { mxSwitchedAt: 'yesterday' } },
      { ...good, batches: { B: { endpoint: 'E', csv: 'b.csv', notificationEmails: ['nobody', 'a@b.example'] } } },
    ];
    const gen = generated(PLAN_SCHEMA, PLAN_SCHEMA_OPTIONS).validate;
    const now = compiledNow(PLAN_SCHEMA, PLAN_SCHEMA_OPTIONS);
    for (const doc of docs) expect(judged(gen, doc)).toEqual(judged(now, doc));
    expect(judged(gen, good).ok).toBe(true);
    expect(judged(gen, bad).errors?.length).toBeGreaterThan(1);
  });

  it.each(READ_BACK_SCHEMAS)('%s: generated and freshly compiled code agree on foreign documents', (name) => {
    const gen = generated(name, {}).validate;
    const now = compiledNow(name, {});
    for (const doc of [{}, [], 1, { format_version: '1.0' }, { format_version: 1, kind: 'x', batches: 'y' }]) {
      expect(judged(gen, doc)).toEqual(judged(now, doc));
    }
  });

  it('validating a plan loads no part of ajv\'s compiler (the built CLI)', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      `const { loadPlan } = await import(${JSON.stringify(join(ROOT, 'dist/src/config/index.js'))});`,
      `const r = await loadPlan(${JSON.stringify(join(ROOT, 'examples/contoso/stagemig.yaml'))}, { cwd: process.cwd() });`,
      'if (!r.desired) throw new Error("example plan invalid");',
      "const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/ajv/')).map((f) => f.replace(/.*\\/ajv\\//, ''));",
      'console.log(JSON.stringify(loaded));',
    ].join('\n');
    const loaded = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
    expect(loaded).toEqual(['dist/runtime/ucs2length.js']);
  });
});
