// ajv errors → diagnostics positioned on the YAML node each instancePath names.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { ErrorObject } from 'ajv';
import type { Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../../diag/index.js';
import { planValidator, schemaAt } from './schema-load.js';
import { explain, type Explained } from './schema-explain.js';
import { isSecretKey } from '../secrets/secret-mask.js';
import { diagAt, nodeRange, type YamlSource } from '../yaml/yaml-source.js';
import { findPair, locate, locateKey, pointerSegments } from '../yaml/yaml-locate.js';

/** Errors that repeat or wrap another error, or that plan rules report better. */
function isNoise(e: ErrorObject, src: YamlSource, anyOfPaths: readonly string[]): boolean {
  if (e.keyword === 'if' || e.keyword === 'propertyNames' || e.schemaPath.includes('/propertyNames/')) return true;
  if (anyOfPaths.some((p) => e.schemaPath.startsWith(`${p}/`))) return true;
  if (e.keyword === 'additionalProperties') {
    return isSecretKey(String((e.params as { additionalProperty: string }).additionalProperty));
  }
  if (e.keyword === 'required' && (e.params as { missingProperty: string }).missingProperty === 'passwordEnv') {
    // A literal `password:` sits there instead; LITERAL_PASSWORD says what to do.
    const owner = locate(src, pointerSegments(e.instancePath));
    return owner.exact && findPair(owner.node, 'password') !== undefined;
  }
  return false;
}

function targetNode(src: YamlSource, segments: string[], where: Explained['at']): YamlNode | null {
  if (where.kind === 'value') return locate(src, segments).node;
  if (where.kind === 'owner') return locateKey(src, segments);
  const loc = locate(src, [...segments, where.key]);
  return (loc.exact && loc.pair ? loc.pair.key : locateKey(src, segments)) as YamlNode | null;
}

export function schemaDiagnostics(src: YamlSource, data: unknown): Diagnostic[] {
  const { schema, validate } = planValidator();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (isNoise(e, src, anyOfPaths)) continue;
    const segments = pointerSegments(e.instancePath);
    const x = explain(e, segments, (pointer) => schemaAt(schema, pointer));
    const node = targetNode(src, segments, x.at);
    const range = nodeRange(src, node);
    const key = `${range.start.line}:${range.start.col}:${x.summary}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const extra: Parameters<typeof diagAt>[4] = { hint: x.hint };
    if (x.detail) extra.detail = x.detail;
    if (segments[0] === 'endpoints' && segments[1] !== undefined) extra.address = `endpoint.${segments[1]}`;
    if (segments[0] === 'batches' && segments[1] !== undefined) extra.address = `batch.${segments[1]}`;
    out.push(diagAt(src, x.code, x.summary, range, extra));
  }
  return out;
}
