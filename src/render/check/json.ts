// `stagemig check --format json`: the versioned document (schemas/check-output.schema.json). Every
// address of every category is listed.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { countByStatus, type CheckReport } from '../../operations/check/finding.js';
import { jsonHeader, type JsonHeader } from '../common/json-document.js';

export interface CheckDocument extends JsonHeader {
  plan_file: string;
  backend: { type: string; organization: string };
  passed: boolean;
  counts: { passed: number; warning: number; failed: number };
  service_calls: number;
  findings: Array<{
    check: string;
    object: string;
    status: string;
    summary: string;
    detail: string | null;
    hint: string | null;
    cmdlet: string | null;
    counts: Record<string, number> | null;
    addresses: Record<string, string[]> | null;
  }>;
  skipped: Array<{ check: string; summary: string; hint: string | null }>;
}

export function toCheckDocument(report: CheckReport, opts: { toolVersion: string; planFile: string; backend: { type: string; organization: string } }): CheckDocument {
  const counts = countByStatus(report.findings);
  return {
    ...jsonHeader('check', opts.toolVersion),
    plan_file: opts.planFile,
    backend: opts.backend,
    passed: counts.failed === 0,
    counts,
    service_calls: report.serviceCalls,
    findings: report.findings.map((f) => ({
      check: f.check,
      object: f.object,
      status: f.status,
      summary: f.summary,
      detail: f.detail ?? null,
      hint: f.hint ?? null,
      cmdlet: f.cmdlet ?? null,
      counts: f.counts ?? null,
      addresses: f.addresses ?? null,
    })),
    skipped: report.skipped.map((k) => ({ check: k.check, summary: k.summary, hint: k.hint ?? null })),
  };
}
