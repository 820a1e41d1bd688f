// The JSON Schema of the plan file, compiled once with ajv (JSON Schema 2020-12, all errors).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { isDateTimeWithOffset } from '../date-time.js';
import { isValidDomain, isValidSmtpAddress } from '../smtp-address.js';

const SCHEMA_RELATIVE = join('schemas', 'stagemig.schema.json');

/** Absolute path of schemas/stagemig.schema.json, found upwards from this module (src/ or dist/src/). */
export function schemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, SCHEMA_RELATIVE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`stagemig installation is incomplete: ${SCHEMA_RELATIVE} not found`);
    dir = parent;
  }
}

export type PlanSchema = Record<string, unknown>;

let cached: { schema: PlanSchema; validate: ValidateFunction } | undefined;

export function planValidator(): { schema: PlanSchema; validate: ValidateFunction } {
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as PlanSchema;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false });
  ajv.addFormat('email', isValidSmtpAddress);
  ajv.addFormat('hostname', isValidDomain);
  ajv.addFormat('date-time', isDateTimeWithOffset);
  cached = { schema, validate: ajv.compile(schema) };
  return cached;
}

/** The sub-schema at a JSON pointer such as `#/properties/backend/allOf/0/then`. */
export function schemaAt(schema: PlanSchema, pointer: string): Record<string, unknown> | undefined {
  let cur: unknown = schema;
  for (const seg of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>) : undefined;
}
