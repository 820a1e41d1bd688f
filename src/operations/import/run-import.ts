// `stagemig import` as a use case: read the live service once (through openBackendFor), write a plan
// YAML and one CSV per batch (never over existing files unless forced), and record the imported state
// as the last-applied baseline, so `stagemig plan` on the result reports no changes.
//
// Must not: print, or change the service.
import { join, resolve } from 'node:path';
import { AppliedRecord, appliedPath, saveAppliedSync, serviceId } from '../../apply/applied/index.js';
import { displayPath, schemaPath } from '../../config/index.js';
import { formatPlanYaml } from '../../config/fmt/index.js';
import { StagemigError } from '../../diag/index.js';
import { emptyApplied } from '../../model/index.js';
import { buildPlan, isConverged } from '../../plan/index.js';
import type { Host } from '../host.js';
import { loadDesired } from '../load-desired.js';
import { withBackend } from '../open-backend.js';
import { backendSection, schemaRef } from './backend-section.js';
import { buildImport } from './import-plan.js';
import { importSource } from './import-source.js';
import { planFileIn, refuseOverwrite, writeOutputs } from './write-import.js';

export interface ImportArgs {
  /** --out: the folder to write into. */
  out: string;
  from?: string;
  stateFile?: string;
  organization?: string;
  force: boolean;
}

export interface ImportRunResult {
  /** "the simulator state file …", "the Exchange Online tenant … of …". */
  source: string;
  endpoints: number;
  batches: number;
  mailboxes: number;
  /** The files written, as the user sees them (the plan first). */
  files: string[];
  /** The plan file written, as the user sees it. */
  planFile: string;
  skipped: Array<{ address: string; reason: string }>;
  placeholders: string[];
  /** `stagemig plan` on the imported files already shows no changes. */
  converged: boolean;
  /** The environment variables to set before apply (secrets are not imported). */
  secretEnv: string[];
}

export async function runImport(host: Host, args: ImportArgs): Promise<ImportRunResult> {
  const show = (abs: string) => displayPath(abs, host.cwd);
  const source = await importSource(host, args);
  const outDir = resolve(host.cwd, args.out);
  const planFile = planFileIn(outDir);
  const live = await withBackend(host, source, (backend) => backend.readLive());
  const result = buildImport(live, {
    organization: source.organization, backend: backendSection(source.backend, outDir), sso: source.sso, hints: source.hints,
    schemaRef: schemaRef(outDir, schemaPath()), source: source.description,
  });
  const formatted = formatPlanYaml(result.yaml, planFile, show(planFile));
  if (!formatted.ok) throw new StagemigError(formatted.diagnostics);
  const files = [{ path: planFile, text: formatted.text }, ...result.csvs.map((c) => ({ path: join(outDir, c.path), text: c.text }))];
  refuseOverwrite([...files.map((f) => f.path), appliedPath(planFile)], { force: args.force, show });
  await writeOutputs(files);

  // The imported state is the baseline for drift from now on.
  const { desired } = await loadDesired(host, planFile);
  const plan = buildPlan(desired, live);
  const record = new AppliedRecord(emptyApplied(serviceId(desired), host.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z')), desired, live);
  record.settle(plan);
  saveAppliedSync(appliedPath(planFile), record.snapshot);

  return {
    source: source.description, endpoints: live.endpoints.length, batches: result.csvs.length,
    mailboxes: result.csvs.reduce((n, c) => n + c.text.trimEnd().split('\n').length - 1, 0),
    files: files.map((f) => show(f.path)), planFile: show(planFile), skipped: result.skipped, placeholders: result.placeholders,
    converged: isConverged(plan), secretEnv: [...new Set(desired.endpoints.map((e) => e.passwordEnv))],
  };
}
