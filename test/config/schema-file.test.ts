import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaPath } from '../../src/config/index.js';
import { REPO } from './helpers.js';

type Sch = Record<string, unknown>;

/** Every object schema in the file, with its JSON pointer. */
function objectSchemas(node: unknown, path = '#'): Array<[string, Sch]> {
  if (typeof node !== 'object' || node === null) return [];
  const out: Array<[string, Sch]> = [];
  const s = node as Sch;
  if (s.type === 'object') out.push([path, s]);
  for (const [k, v] of Object.entries(s)) {
    if (Array.isArray(v)) v.forEach((item, i) => out.push(...objectSchemas(item, `${path}/${k}/${i}`)));
    else out.push(...objectSchemas(v, `${path}/${k}`));
  }
  return out;
}

describe('schemas/stagemig.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(REPO, 'schemas/stagemig.schema.json'), 'utf8')) as Sch;

  it('is the file the loader uses, and a JSON Schema 2020-12 document', () => {
    expect(schemaPath()).toBe(join(REPO, 'schemas/stagemig.schema.json'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('closes every object (no unknown keys) and describes every property for editors', () => {
    const objects = objectSchemas(schema);
    expect(objects.length).toBeGreaterThanOrEqual(6);
    for (const [path, obj] of objects) {
      expect(obj.additionalProperties, path).not.toBeUndefined();
      expect(obj.additionalProperties === false || typeof obj.additionalProperties === 'object', path).toBe(true);
      expect(typeof obj.description, path).toBe('string');
      for (const [name, prop] of Object.entries((obj.properties ?? {}) as Record<string, Sch>)) {
        expect(typeof prop.description, `${path}/properties/${name}`).toBe('string');
      }
    }
  });

  it('is referenced by the example plan for editor completion', () => {
    const first = readFileSync(join(REPO, 'examples/contoso/stagemig.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../schemas/stagemig.schema.json');
  });
});
