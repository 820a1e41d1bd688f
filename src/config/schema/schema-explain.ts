// One ajv error → summary, detail, hint and which node to point at.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
import type { ErrorObject } from 'ajv';
import type { DiagnosticCode } from '../../diag/index.js';
import { didYouMean } from '../text/did-you-mean.js';
import { describePath, formatName, listCode, patternName, showValue, typeName } from './schema-text.js';

type SchemaLookup = (pointer: string) => Record<string, unknown> | undefined;
type Sch = Record<string, unknown>;

export interface Explained {
  code: DiagnosticCode;
  summary: string;
  detail?: string;
  hint: string;
  /** value: the offending value; key: a key inside the object; owner: the object's own key. */
  at: { kind: 'value' } | { kind: 'owner' } | { kind: 'key'; key: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The object schema that declares the properties of the failing object (not its if/then branch). */
function objectSchemaPath(schemaPath: string): string {
  return schemaPath
    .replace(/\/[^/]+$/, '')
    .replace(/\/(not|anyOf)$/, '')
    .replace(/(\/allOf\/\d+)?\/(then|else)$/, '');
}

function propertyDescription(lookup: SchemaLookup, e: ErrorObject, name: string): string | undefined {
  const props = lookup(objectSchemaPath(e.schemaPath))?.properties as Record<string, Sch> | undefined;
  return str(props?.[name]?.description);
}

export function explain(e: ErrorObject, segments: string[], lookup: SchemaLookup): Explained {
  const where = describePath(segments);
  const last = segments[segments.length - 1];
  const parent = (typeof e.parentSchema === 'object' ? e.parentSchema : {}) as Sch;
  const about = str(parent.description) ?? 'See the schema for the accepted values.';
  const got = showValue(e.data, last);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parent.properties as Sch | undefined) ?? {});
      const dym = didYouMean(key, allowed);
      return {
        code: 'UNKNOWN_KEY',
        summary: `Unknown key \`${key}\` in ${where}`,
        hint: dym ?? `Allowed keys here: ${listCode(allowed)}.`,
        ...(dym ? { detail: `Allowed keys here: ${listCode(allowed)}.` } : {}),
        at: { kind: 'key', key },
      };
    }
    case 'required': {
      const missing = String(p.missingProperty);
      const because = /\/(then|else)\//.test(e.schemaPath) ? str(parent.description) : undefined;
      const desc = propertyDescription(lookup, e, missing);
      const summary = segments.length === 0 ? `The plan is missing \`${missing}\`` : `${where} is missing \`${missing}\``;
      return {
        code: 'SCHEMA_VIOLATION',
        summary: summary.charAt(0).toUpperCase() + summary.slice(1),
        ...(because ? { detail: because } : {}),
        hint: `Add \`${missing}:\`.${desc ? ` ${desc}` : ''}`,
        at: { kind: 'owner' },
      };
    }
    case 'dependentRequired': {
      const missing = String(p.missingProperty);
      const desc = propertyDescription(lookup, e, missing);
      return {
        code: 'SCHEMA_VIOLATION',
        summary: `\`${String(p.property)}\` in ${where} needs \`${missing}\``,
        hint: `Add \`${missing}:\`.${desc ? ` ${desc}` : ''}`,
        at: { kind: 'key', key: String(p.property) },
      };
    }
    case 'anyOf': {
      const branches = (Array.isArray(e.schema) ? e.schema : []) as Sch[];
      const keys = branches.flatMap((b) => (Array.isArray(b.required) ? (b.required as string[]) : []));
      return {
        code: 'SCHEMA_VIOLATION',
        summary: `${where.charAt(0).toUpperCase()}${where.slice(1)} needs one of ${listCode(keys)}`,
        hint: about,
        at: { kind: 'owner' },
      };
    }
    case 'not': {
      const text = str((e.schema as Sch | undefined)?.description) ?? `${where} has a forbidden combination of keys`;
      return { code: 'SCHEMA_VIOLATION', summary: text, hint: about, at: { kind: 'owner' } };
    }
    case 'false schema': {
      const branch = lookup(e.schemaPath.replace(/\/properties\/[^/]+\/false schema$/, ''));
      return {
        code: 'SCHEMA_VIOLATION',
        summary: `${where.charAt(0).toUpperCase()}${where.slice(1)} is not allowed here`,
        hint: `Remove \`${String(last)}\`. ${str(branch?.description) ?? ''}`.trim(),
        at: { kind: 'key', key: String(last) },
      };
    }
    default:
      return explainValue(e, { where, last, got, about, params: p, parent });
  }
}

interface ValueContext {
  where: string;
  last: string | undefined;
  got: string;
  about: string;
  params: Record<string, unknown>;
  parent: Sch;
}

function explainValue(e: ErrorObject, c: ValueContext): Explained {
  const { where, got, about, params: p, parent } = c;
  const at = { kind: 'value' } as const;
  const subject = `${where.charAt(0).toUpperCase()}${where.slice(1)}`;
  const code: DiagnosticCode = 'SCHEMA_VIOLATION';
  switch (e.keyword) {
    case 'type':
      if (where === 'the plan') {
        return { code, summary: 'The plan file is empty or is not a YAML map', hint: 'Start the file with `version: 1` and `organization: <tenant>.onmicrosoft.com`.', at };
      }
      return { code, summary: `${subject} must be ${typeName(p.type)}${got}`, hint: about, at };
    case 'const':
      return { code, summary: `${subject} must be \`${String(p.allowedValue)}\`${got}`, hint: about, at };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const dym = typeof e.data === 'string' ? didYouMean(e.data, allowed.map(String)) : undefined;
      return { code, summary: `${subject} must be one of ${listCode(allowed)}${got}`, hint: dym ?? about, ...(dym ? { detail: about } : {}), at };
    }
    case 'minimum':
    case 'maximum':
      return { code, summary: `${subject} must be between ${String(parent.minimum)} and ${String(parent.maximum)}${got}`, hint: about, at };
    case 'minLength':
      return { code, summary: `${subject} must not be empty`, hint: about, at };
    case 'format':
      return { code, summary: `${subject} must be ${formatName(String(p.format))}${got}`, hint: about, at };
    case 'pattern':
      return { code, summary: `${subject} must be ${patternName(c.last, String(p.pattern))}${got}`, hint: about, at };
    default:
      return { code, summary: `${subject} ${e.message ?? 'is invalid'}${got}`, hint: about, at };
  }
}
