// Picks the view of a plan for --format; each format is one entry.
import type { DesiredState } from '../model/index.js';
import type { Plan } from '../plan/index.js';
import { renderHumanPlan } from '../render/plan/human-plan.js';
import { stringifyJson } from '../render/common/json-document.js';
import { toPlanDocument, type PlanDocumentMeta } from '../render/plan/json-plan.js';
import { renderMarkdownPlan } from '../render/plan/markdown-plan.js';
import { renderPowershellRunbook } from '../render/runbook/powershell-runbook.js';
import type { PlanFormat } from './format-option.js';

export interface PlanViewInput {
  plan: Plan;
  /** The loaded YAML (absent when showing a saved plan). */
  desired?: DesiredState;
  meta: PlanDocumentMeta;
  color: boolean;
  /** How a PR reader gets the full JSON plan (markdown only). */
  jsonPointer?: string;
}

const VIEWS: Record<PlanFormat, (v: PlanViewInput) => string> = {
  human: (v) => renderHumanPlan(v.plan, { color: v.color }),
  json: (v) => stringifyJson(toPlanDocument(v.plan, v.meta)),
  powershell: (v) => {
    if (!v.desired) throw new Error('the powershell view needs the loaded plan YAML');
    return renderPowershellRunbook(v.plan, v.desired);
  },
  markdown: (v) => renderMarkdownPlan(toPlanDocument(v.plan, v.meta), v.jsonPointer ? { jsonPointer: v.jsonPointer } : {}),
};

export const renderPlanView = (format: PlanFormat, input: PlanViewInput): string => VIEWS[format](input);
