// The JSON Schema of the plan file and its validator (JSON Schema 2020-12, all errors, with the
// schema fragments that explain them), made once per process from the code generated at build time
// (files/schema-file.ts). Must not: compile the schema when only its text is needed (fmt's key order).
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { isDateTimeWithOffset } from '../text/date-time.js';
import { isValidDomain, isValidSmtpAddress } from '../text/smtp-address.js';
import { compileSchemaFile, schemaFilePath, type SchemaOptions } from '../../files/index.js';

export const PLAN_SCHEMA = 'stagemig.schema.json';

/** How the plan schema is compiled, at build time and (for a schema edited since) at run time. */
export const PLAN_SCHEMA_OPTIONS: SchemaOptions = {
  allErrors: true, verbose: true,
  formats: { email: isValidSmtpAddress, hostname: isValidDomain, 'date-time': isDateTimeWithOffset },
};

/** Absolute path of schemas/stagemig.schema.json, found upwards from this module (src/ or dist/src/). */
export function schemaPath(): string {
  return schemaFilePath(PLAN_SCHEMA);
}

export type PlanSchema = Record<string, unknown>;

let schemaCache: PlanSchema | undefined;

/** The plan schema as JSON. */
export function planSchema(): PlanSchema {
  schemaCache ??= JSON.parse(readFileSync(schemaPath(), 'utf8')) as PlanSchema;
  return schemaCache;
}

export function planValidator(): { schema: PlanSchema; validate: ValidateFunction } {
  return { schema: planSchema(), validate: compileSchemaFile(PLAN_SCHEMA, PLAN_SCHEMA_OPTIONS) };
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
