// What `stagemig plan` prints for --format, and the saved plan it writes for --out.
import { displayPath } from '../config/index.js';
import { StagemigError } from '../diag/index.js';
import { renderDiagnostics } from '../render/common/diagnostics.js';
import { renderSavedNote } from '../render/apply/human-saved-plan.js';
import { stringifyJson } from '../render/common/json-document.js';
import { toPlanDocument, type PlanDocumentMeta } from '../render/plan/json-plan.js';
import { renderMarkdownPlan } from '../render/plan/markdown-plan.js';
import { buildSavedPlan, writeSavedPlan } from '../apply/saved-plan/index.js';
import { TOOL_VERSION } from '../version.js';
import { EXIT_ERROR } from './exit-codes.js';
import type { PlanFormat } from './format-option.js';
import type { PlanSession } from './plan-session.js';
import { renderPlanView } from './plan-views.js';
import type { CommandContext } from './program.js';

export interface PlanOutputOptions {
  format: PlanFormat;
  out?: string;
  mode?: 'normal' | 'refresh-only';
}

const showPointer = (file: string): string => `\`stagemig show ${file} --format json\``;

export function sessionMeta(session: PlanSession, ctx: CommandContext, now: Date, mode?: 'normal' | 'refresh-only'): PlanDocumentMeta {
  const { desired } = session;
  return {
    toolVersion: TOOL_VERSION, createdAt: now.toISOString(), planFile: displayPath(desired.planFile, ctx.io.cwd),
    backend: { type: desired.backend.type, organization: desired.organization }, ...(mode ? { mode } : {}),
  };
}

/** Writes the saved plan (if --out) and prints the plan in the chosen format. */
export async function emitPlan(ctx: CommandContext, session: PlanSession, opts: PlanOutputOptions): Promise<void> {
  const { io } = ctx;
  const now = io.now();
  const meta = sessionMeta(session, ctx, now, opts.mode);
  if (opts.out !== undefined) {
    const saved = await buildSavedPlan({ ...session, cwd: io.cwd, now, toolVersion: TOOL_VERSION });
    await writeSavedPlan(opts.out, io.cwd, saved);
  }
  const pointer = opts.out !== undefined ? { jsonPointer: showPointer(opts.out) } : {};
  io.stdout(renderPlanView(opts.format, { plan: session.plan, desired: session.desired, meta, color: io.color, ...pointer }));
  if (opts.out !== undefined) {
    const note = renderSavedNote(opts.out);
    if (opts.format === 'human') io.stdout(note);
    else io.stderr(note);
  }
}

/**
 * In json and markdown formats a failed plan is still one document on stdout (with the errors
 * inside); the human diagnostics go to stderr as usual and the exit code stays 1.
 */
export async function reportingPlanErrors(ctx: CommandContext, format: PlanFormat, planPath: string, run: () => Promise<void>): Promise<void> {
  if (format === 'human' || format === 'powershell') return run();
  try {
    await run();
  } catch (err) {
    if (!(err instanceof StagemigError)) throw err;
    const doc = toPlanDocument(undefined, {
      toolVersion: TOOL_VERSION, createdAt: ctx.io.now().toISOString(), planFile: planPath, backend: null, diagnostics: err.diagnostics,
    });
    ctx.io.stdout(format === 'json' ? stringifyJson(doc) : renderMarkdownPlan(doc));
    ctx.io.stderr(renderDiagnostics(err.diagnostics, { color: ctx.io.color }));
    ctx.setExitCode(EXIT_ERROR);
  }
}
