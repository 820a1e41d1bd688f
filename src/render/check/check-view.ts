// The `check` view: the findings as a terminal report, a JSON document or markdown for a ticket, with
// the plan's warnings on stderr.
//
// Must not: run checks (operations/check/run-check.ts does).
import type { CheckResult } from '../../operations/check/run-check.js';
import { TOOL_VERSION } from '../../version.js';
import { stringifyJson } from '../common/json-document.js';
import { diagnosticsText, output, type Output } from '../common/output.js';
import { renderCheckHuman } from './human.js';
import { toCheckDocument } from './json.js';
import { renderCheckMarkdown } from './markdown.js';

export function checkOutput(format: 'human' | 'json' | 'markdown', r: CheckResult, o: { color: boolean }): Output {
  const { desired, report } = r;
  const warnings = diagnosticsText(r.diagnostics, o.color);
  if (format === 'json') {
    const backend = { type: desired.backend.type, organization: desired.organization };
    return output(stringifyJson(toCheckDocument(report, { toolVersion: TOOL_VERSION, planFile: r.planFileShown, backend })), warnings);
  }
  if (format === 'markdown') return output(renderCheckMarkdown(report, { organization: desired.organization, backend: desired.backend.type }), warnings);
  return output(renderCheckHuman(report, { color: o.color, organization: desired.organization, backend: desired.backend.type }), warnings);
}
