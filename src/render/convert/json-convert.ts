// `stagemig convert --format json`: the versioned document (schemas/convert-output.schema.json) saying
// what was read and written for the batch, or why nothing was written. Conventions: json-document.ts.
//
// Must not: read files, the service or the clock: data in, text out.
import type { Diagnostic } from '../../diag/index.js';
import type { ConvertResult } from '../../operations/convert/convert.js';
import { TOOL_VERSION } from '../../version.js';
import { jsonHeader, stringifyJson, toJsonDiagnostic, type JsonDiagnostic, type JsonHeader } from '../common/json-document.js';
import { diagnosticsText, output, type Output } from '../common/output.js';
import { CONVERSION_SCRIPT } from '../../operations/convert/conversion-files.js';

export interface ConvertDocument extends JsonHeader {
  plan_file: string;
  batch: string | null;
  /** True when every file was written; false when convert refused (nothing written). */
  written: boolean;
  out_dir: string | null;
  files: Array<{ name: string; bytes: number }>;
  mailboxes: Array<{
    email_address: string;
    routing_address: string;
    cloud_legacy_exchange_dn: string;
    exchange_guid: string;
    proxy_addresses: string[];
  }>;
  /** What the on-premises administrator runs next, and what to record in the plan afterwards. */
  next: { script: string; command: string; record: string } | null;
  diagnostics: JsonDiagnostic[];
}

export function toConvertDocument(result: ConvertResult, planFile: string): ConvertDocument {
  return {
    ...jsonHeader('convert', TOOL_VERSION),
    plan_file: planFile,
    batch: result.batch,
    written: true,
    out_dir: result.outDir,
    files: result.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    mailboxes: result.rows.map((r) => ({
      email_address: r.emailAddress, routing_address: r.routingAddress, cloud_legacy_exchange_dn: r.cloudLegacyExchangeDN,
      exchange_guid: r.exchangeGuid, proxy_addresses: [...r.proxyAddresses],
    })),
    next: {
      script: CONVERSION_SCRIPT,
      command: `.\\${CONVERSION_SCRIPT} -DomainController <domain controller FQDN>`,
      record: `batches.${result.batch}.convertedAt`,
    },
    diagnostics: result.diagnostics.map(toJsonDiagnostic),
  };
}

/** A refusal is still one document (written: false, the errors in diagnostics); people get them on stderr too. */
export function convertFailureJson(diagnostics: readonly Diagnostic[], at: { planFile: string; batch: string; color: boolean }): Output {
  const doc: ConvertDocument = {
    ...jsonHeader('convert', TOOL_VERSION),
    plan_file: at.planFile, batch: at.batch, written: false, out_dir: null, files: [], mailboxes: [], next: null,
    diagnostics: diagnostics.map(toJsonDiagnostic),
  };
  return output(stringifyJson(doc), diagnosticsText(diagnostics, at.color));
}

export function convertJson(result: ConvertResult, at: { planFile: string; color: boolean }): Output {
  return output(stringifyJson(toConvertDocument(result, at.planFile)), diagnosticsText(result.diagnostics, at.color));
}
