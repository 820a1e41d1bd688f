// `stagemig import --out DIR (--from plan.yaml | --state-file FILE --organization ORG) [--force]`:
// writes a plan YAML and one CSV per batch from the live service, plus the last-applied baseline,
// so an existing migration comes under stagemig with `stagemig plan` reporting no changes.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppliedRecord, appliedPath, saveAppliedSync, serviceId } from '../../apply/applied/index.js';
import { openBackend } from '../../backends/index.js';
import { displayPath, loadPlan, schemaPath } from '../../config/index.js';
import { hasErrors, StagemigError } from '../../diag/index.js';
import { formatPlanYaml } from '../../config/fmt/index.js';
import { backendSection, buildImport, planFileIn, refuseOverwrite, schemaRef, writeOutputs } from '../../operations/import/index.js';
import { emptyApplied } from '../../model/index.js';
import type { LiveState } from '../../model/index.js';
import { buildPlan, isConverged } from '../../plan/index.js';
import { EXIT_OK } from '../exit-codes.js';
import { importSource } from '../import-source.js';
import type { CommandContext } from '../program.js';

interface ImportFlags { out: string; from?: string; stateFile?: string; organization?: string; force?: boolean }

async function readLive(ctx: CommandContext, source: Awaited<ReturnType<typeof importSource>>): Promise<LiveState> {
  const backend = await openBackend(source.backend, { now: ctx.io.now, env: ctx.io.env, organization: source.organization, onInterrupt: ctx.io.onInterrupt, ...(ctx.io.log ? { log: ctx.io.log } : {}) });
  try {
    return await backend.readLive();
  } finally {
    await backend.close();
  }
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('Write a plan YAML and one CSV per batch from the live migration service (bring an existing migration under stagemig)')
    .requiredOption('--out <dir>', 'folder to write stagemig.yaml and batches/*.csv into')
    .option('--from <plan>', 'read the service of this plan\'s backend (simulator or exchange-online)')
    .option('--state-file <file>', 'read this simulator state file instead')
    .option('--organization <tenant>', 'the tenant\'s *.onmicrosoft.com domain (default: the --from plan\'s)')
    .option('--force', 'overwrite existing files')
    .action(async (opts: ImportFlags) => {
      const { io } = ctx;
      const show = (abs: string) => displayPath(abs, io.cwd);
      const source = await importSource(io, opts);
      const outDir = resolve(io.cwd, opts.out);
      const planFile = planFileIn(outDir);
      const live = await readLive(ctx, source);
      const result = buildImport(live, {
        organization: source.organization, backend: backendSection(source.backend, outDir), sso: source.sso, hints: source.hints,
        schemaRef: schemaRef(outDir, schemaPath()), source: source.description,
      });
      const formatted = formatPlanYaml(result.yaml, planFile, show(planFile));
      if (!formatted.ok) throw new StagemigError(formatted.diagnostics);
      const files = [{ path: planFile, text: formatted.text }, ...result.csvs.map((c) => ({ path: join(outDir, c.path), text: c.text }))];
      refuseOverwrite([...files.map((f) => f.path), appliedPath(planFile)], { force: opts.force === true, show });
      await writeOutputs(files);

      // The imported state is the baseline for drift from now on.
      const { desired, diagnostics } = await loadPlan(planFile, { cwd: io.cwd });
      if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
      const plan = buildPlan(desired, live);
      const record = new AppliedRecord(emptyApplied(serviceId(desired), io.now().toISOString().replace(/\.\d{3}Z$/, 'Z')), desired, live);
      record.settle(plan);
      saveAppliedSync(appliedPath(planFile), record.snapshot);

      const mailboxes = result.csvs.reduce((n, c) => n + c.text.trimEnd().split('\n').length - 1, 0);
      const out = [`Imported ${live.endpoints.length} endpoint(s) and ${result.csvs.length} batch(es) with ${mailboxes} mailbox(es) from ${source.description}:`];
      for (const f of files) out.push(`  ${show(f.path)}`);
      for (const s of result.skipped) out.push(`Note: ${s.address}: ${s.reason}.`);
      for (const p of result.placeholders) out.push(`Check ${p}: the service does not report it, so a placeholder was written.`);
      if (!isConverged(plan)) out.push('Warning: `stagemig plan` on the imported file still shows differences; review them before apply.');
      out.push(`Secrets are not imported: set ${[...new Set(desired.endpoints.map((e) => e.passwordEnv))].join(', ')} before apply.`);
      out.push(`Next: stagemig plan ${show(planFile)}`);
      io.stdout(out.join('\n') + '\n');
      ctx.setExitCode(EXIT_OK);
    });
}
