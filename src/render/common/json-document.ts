// Conventions shared by every `--format json` document stagemig prints (plan, show, validate, status,
// check, version, convert).
//
// - stdout carries exactly one document, pretty-printed with two spaces and a final newline;
//   logs and human diagnostics go to stderr; exit codes are the same as in human mode.
// - Every document starts with `format_version` ("MAJOR.MINOR": a minor bump only adds fields, a
//   major bump may remove or change them), `kind` (which document it is) and `tool_version`.
// - Keys are snake_case. A value that does not apply is `null`, never a missing key; lists are
//   arrays (empty when there is nothing), sorted by address where they hold resources.
// - Times are ISO-8601 UTC strings. Secrets never appear: they are the string "(sensitive)".
// - Problems are `diagnostics` inside the document, in Terraform's shape (see toJsonDiagnostic).
// - Each kind has a JSON Schema under schemas/ (shared definitions in output-common.schema.json).
// Must not: let a secret into a document (Sensitive values and *password keys are masked), or import the model
// barrel (--version loads this file).
import type { Diagnostic } from '../../diag/index.js';
import { Sensitive, SENSITIVE_MASK } from '../../model/sensitive.js'; // not the barrel: --version loads this

export const JSON_FORMAT_VERSION = '1.3';

export type JsonDocumentKind = 'plan' | 'validate' | 'status' | 'version' | 'check' | 'convert';

export interface JsonHeader {
  format_version: string;
  kind: JsonDocumentKind;
  tool_version: string;
}

export const jsonHeader = (kind: JsonDocumentKind, toolVersion: string): JsonHeader => ({
  format_version: JSON_FORMAT_VERSION,
  kind,
  tool_version: toolVersion,
});

export interface JsonPos {
  line: number;
  column: number;
}

export interface JsonDiagnostic {
  severity: 'error' | 'warning';
  code: string;
  summary: string;
  detail: string | null;
  hint: string | null;
  range: { file: string; start: JsonPos; end: JsonPos | null } | null;
  address: string | null;
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const r = d.range;
  return {
    severity: d.severity,
    code: d.code,
    summary: d.summary,
    detail: d.detail ?? null,
    hint: d.hint ?? null,
    range: r
      ? { file: r.file, start: { line: r.start.line, column: r.start.col }, end: r.end ? { line: r.end.line, column: r.end.col } : null }
      : null,
    address: d.address ?? null,
  };
}

/** A plain JSON value with secrets masked; `undefined` becomes null. */
export function maskedValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Sensitive) return SENSITIVE_MASK;
  if (Array.isArray(v)) return v.map(maskedValue);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = /password$/i.test(k) ? SENSITIVE_MASK : maskedValue(x);
    return out;
  }
  return v;
}

/** The one document printed on stdout. */
export const stringifyJson = (doc: object): string => `${JSON.stringify(doc, null, 2)}\n`;
