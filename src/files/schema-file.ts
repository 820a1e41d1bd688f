// The JSON Schemas in schemas/, found upwards from this module (src/ or dist/src/) and compiled once.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

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

const compiled = new Map<string, ValidateFunction>();

/** A validator for schemas/<name> (JSON Schema 2020-12). */
export function compileSchemaFile(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false, strictTypes: false });
    v = ajv.compile(JSON.parse(readFileSync(schemaFilePath(name), 'utf8')) as object);
    compiled.set(name, v);
  }
  return v;
}
