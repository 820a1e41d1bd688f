import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

const SCHEMAS = resolve(__dirname, '../../schemas');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(SCHEMAS, name), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
ajv.addSchema(load('output-common.schema.json'));
const validators: Record<string, ValidateFunction> = {
  plan: ajv.compile(load('plan-output.schema.json')),
  validate: ajv.compile(load('validate-output.schema.json')),
  version: ajv.compile(load('version-output.schema.json')),
  check: ajv.compile(load('check-output.schema.json')),
  convert: ajv.compile(load('convert-output.schema.json')),
};

/** The ajv errors of a JSON output document against its schema (empty when it is valid). */
export function schemaErrors(kind: 'plan' | 'validate' | 'version' | 'check' | 'convert', doc: unknown): string[] {
  const validate = validators[kind]!;
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
