// A scenario (fault) file checked against schemas/simulator-scenario.schema.json before it is read:
// a wrongly typed value gets an error at its file:line:col naming its path in the file, never a
// TypeError. The semantic checks (failure kinds, addresses, durations) stay in scenario-parse.ts.
// Must not: print (a violation is reported through the reader, at its node) or check what values mean (scenario-parse.ts does).
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { ErrorObject } from 'ajv';
import { compileSchemaFile } from '../../files/index.js';
import type { ScenarioReader } from './scenario-nodes.js';

const SCHEMA = 'simulator-scenario.schema.json';
const FORMAT_HINT = `The format: "Rehearsing failures" in the README, and schemas/${SCHEMA}.`;

const segmentsOf = (pointer: string): string[] =>
  pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const pathText = (segments: readonly string[]): string =>
  (segments.length === 0 ? 'The scenario file' : segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join(''));

/** The YAML node an instance path names (its key node for an unknown key), else the deepest one found. */
function nodeAt(r: ScenarioReader, segments: readonly string[], key?: string): YamlNode | null {
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = path.length; n >= 0; n--) {
    const node = r.doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
    if (node === undefined) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair) return pair.key as YamlNode;
    }
    return node;
  }
  return null;
}

function explain(e: ErrorObject): { summary: string; key?: string; hint?: string } {
  const where = pathText(segmentsOf(e.instancePath));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      return { summary: `Unknown key \`${key}\` in ${where === 'The scenario file' ? 'the scenario file' : where}`, key, hint: FORMAT_HINT };
    }
    case 'type':
      return { summary: `${where} must be ${String(p.type).replace(/,/g, ' or ')}`, hint: FORMAT_HINT };
    case 'enum':
      return { summary: `${where} must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`, hint: FORMAT_HINT };
    case 'oneOf':
      return { summary: `${where} has the wrong shape`, hint: FORMAT_HINT };
    default:
      return { summary: `${where} ${e.message ?? 'is invalid'}`, hint: FORMAT_HINT };
  }
}

/**
 * A key with several forms (oneOf) reports each form's error: the one deepest in the file says most
 * (`throttle.call must be integer`); at the same depth, wrong types are merged (`must be integer or object`).
 */
function mostTelling(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const branches = errors.filter((e) => e.keyword !== 'oneOf');
  if (branches.length === 0) return errors[0];
  const depth = (e: ErrorObject): number => segmentsOf(e.instancePath).length;
  const deepest = Math.max(...branches.map(depth));
  const at = branches.filter((e) => depth(e) === deepest);
  const types = at.filter((e) => e.keyword === 'type');
  if (types.length > 1 && types.length === at.length) {
    return { ...types[0]!, params: { type: types.map((e) => String((e.params as { type: unknown }).type)).join(',') } };
  }
  return at[0];
}

/** The first violation of the schema: the top-level key it lies under ('' for the file as a whole). */
export interface SchemaViolation {
  key: string;
  /** An unknown key or a value outside a list: each key's own checks say the same, with a did-you-mean. */
  alsoCheckedByKey: boolean;
  report(): void;
}

/** The first schema violation (null when the file matches), to report at its position and path. */
export function checkScenarioSchema(r: ScenarioReader): SchemaViolation | null {
  const validate = compileSchemaFile(SCHEMA);
  if (validate(r.doc.toJS({ maxAliasCount: 100 }))) return null;
  const first = mostTelling(validate.errors ?? []);
  if (!first) return null;
  const x = explain(first);
  const segments = segmentsOf(first.instancePath);
  return {
    key: segments[0] ?? x.key ?? '',
    alsoCheckedByKey: first.keyword === 'additionalProperties' || first.keyword === 'enum',
    report: () => r.fail(nodeAt(r, segments, x.key), x.summary, x.hint, x.key !== undefined ? 'UNKNOWN_KEY' : 'SCHEMA_VIOLATION'),
  };
}
