// The `plan` and `show` views: one entry per --format, all rendered from the same plan (json and
// markdown from the versioned JSON document), plus the saved-plan note and the failure documents.
// Pure: result values in, text out.
// Must not: read files, the service or the clock (times come in), or print: it returns the Output cli/emit.ts writes.
import type { Diagnostic } from '../../diag/index.js';
import type { DesiredState } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { TOOL_VERSION } from '../../version.js';
import { renderHumanPlan } from './human-plan.js';
import { stringifyJson } from '../common/json-document.js';
import { codeSpan } from '../common/markdown-text.js';
import { diagnosticsText, output, type Output } from '../common/output.js';
import { toPlanDocument, type PlanDocumentMeta } from './json-plan.js';
import { renderMarkdownPlan } from './markdown-plan.js';
import { renderPowershellRunbook } from '../runbook/powershell-runbook.js';
import { renderSavedNote, renderShowFooter, renderShowHeader, type SavedPlanFacts } from '../apply/human-saved-plan.js';

import type { PlanFormat } from './plan-formats.js';

export interface PlanViewInput {
  plan: Plan;
  /** The loaded YAML (absent when showing a saved plan). */
  desired?: DesiredState;
  meta: PlanDocumentMeta;
  color: boolean;
  /** How a PR reader gets the whole plan (markdown only). */
  fullPlanPointer?: string;
  /** --full: every block, mailbox and cmdlet in the terminal view. */
  full?: boolean;
  /** Where the runbook is saved: the working folder (powershell only; default beside the plan). */
  runbookDir?: string;
}

const VIEWS: Record<PlanFormat, (v: PlanViewInput) => string> = {
  human: (v) => renderHumanPlan(toPlanDocument(v.plan, v.meta), { color: v.color, full: v.full === true }),
  json: (v) => stringifyJson(toPlanDocument(v.plan, v.meta)),
  powershell: (v) => {
    if (!v.desired) throw new Error('the powershell view needs the loaded plan YAML');
    return renderPowershellRunbook(v.plan, v.desired, v.runbookDir !== undefined ? { runbookDir: v.runbookDir } : {});
  },
  markdown: (v) => renderMarkdownPlan(toPlanDocument(v.plan, v.meta), v.fullPlanPointer ? { fullPlanPointer: v.fullPlanPointer } : {}),
};

export const renderPlanView = (format: PlanFormat, input: PlanViewInput): string => VIEWS[format](input);

/** The parts of a saved plan file the show view reads. */
export interface SavedPlanView {
  created_at: string;
  plan_file: string;
  backend: { type: string; organization: string };
  plan: Plan;
}

export const showPointer = (file: string): string => codeSpan(`stagemig show ${file} --full`);

/** What `stagemig plan` made, as its view needs it (operations/plan.ts's PlanResult fits). */
export interface PlanOutcome {
  desired: DesiredState;
  plan: Plan;
  createdAt: Date;
  warnings: readonly Diagnostic[];
  savedTo?: string;
  /** `--out -`: the saved plan, which then has stdout to itself (the plan goes to stderr). */
  savedJson?: string;
  /** The plan file as the user sees it (relative to the working folder). */
  planFileShown: string;
}

/** `stagemig plan`: warnings on stderr, the plan on stdout, and the saved-plan note. */
export function planOutput(format: PlanFormat, r: PlanOutcome, color: boolean, o: { full?: boolean; workingDir?: string } = {}): Output {
  const meta: PlanDocumentMeta = {
    toolVersion: TOOL_VERSION, createdAt: r.createdAt.toISOString(), planFile: r.planFileShown,
    backend: { type: r.desired.backend.type, organization: r.desired.organization }, mode: r.plan.mode,
  };
  const pointer = r.savedTo !== undefined ? { fullPlanPointer: showPointer(r.savedTo) } : {};
  const runbookDir = o.workingDir !== undefined ? { runbookDir: o.workingDir } : {};
  const body = renderPlanView(format, { plan: r.plan, desired: r.desired, meta, color, full: o.full === true, ...pointer, ...runbookDir });
  const note = r.savedTo !== undefined ? renderSavedNote(r.savedTo) : '';
  const warnings = diagnosticsText(r.warnings, color);
  if (r.savedJson !== undefined) return output(r.savedJson, warnings + body);
  return format === 'human' ? output(body + note, warnings) : output(body, warnings + note);
}

/**
 * A plan that failed: in json and markdown formats still one document on stdout (with the errors
 * inside); the human diagnostics go to stderr as usual.
 */
export function planFailureOutput(format: PlanFormat, diagnostics: readonly Diagnostic[], at: { planPath: string; now: Date; color: boolean }): Output {
  const errors = diagnosticsText(diagnostics, at.color);
  if (format === 'human' || format === 'powershell') return output('', errors);
  const doc = toPlanDocument(undefined, {
    toolVersion: TOOL_VERSION, createdAt: at.now.toISOString(), planFile: at.planPath, backend: null, diagnostics,
  });
  return output(format === 'json' ? stringifyJson(doc) : renderMarkdownPlan(doc), errors);
}

/** `stagemig show`: the saved plan in the chosen format, with a header and footer for people. */
export function showOutput(format: PlanFormat, r: { file: string; saved: SavedPlanView; facts: SavedPlanFacts }, color: boolean, o: { full?: boolean } = {}): Output {
  const { file, saved } = r;
  const meta = { toolVersion: TOOL_VERSION, createdAt: saved.created_at, planFile: saved.plan_file, savedPlan: file, backend: saved.backend };
  const body = renderPlanView(format, { plan: saved.plan, meta, color, full: o.full === true, fullPlanPointer: showPointer(file) });
  if (format !== 'human') return output(body);
  return output(renderShowHeader(r.facts) + body + renderShowFooter(file, saved.plan.steps.length));
}
