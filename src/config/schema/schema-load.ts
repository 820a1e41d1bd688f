// The JSON Schema of the plan file, compiled once with ajv (JSON Schema 2020-12, all errors).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { isDateTimeWithOffset } from '../date-time.js';
import { isValidDomain, isValidSmtpAddress } from '../smtp-address.js';
import { schemaFilePath } from '../../files/index.js';

/** Absolute path of schemas/stagemig.schema.json, found upwards from this module (src/ or dist/src/). */
export function schemaPath(): string {
  return schemaFilePath('stagemig.schema.json');
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
