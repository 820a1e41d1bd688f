// `stagemig show <saved-plan-file> [--format human|markdown|json]`: renders a saved plan, offline.
import type { Command } from 'commander';
import { renderShowFooter, renderShowHeader } from '../../render/apply/human-saved-plan.js';
import { readSavedPlan, savedPlanFacts } from '../../apply/saved-plan/index.js';
import { TOOL_VERSION } from '../../version.js';
import { EXIT_OK } from '../exit-codes.js';
import { parseFormat, SHOW_FORMATS } from '../format-option.js';
import { renderPlanView } from '../plan-views.js';
import type { CommandContext } from '../program.js';

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('Render a saved plan file (from `stagemig plan --out`) without contacting the migration service')
    .argument('<file>', 'saved plan file')
    .option('--format <format>', `output format: ${SHOW_FORMATS.join(', ')}`, 'human')
    .action(async (file: string, opts: { format?: string }) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, SHOW_FORMATS);
      const saved = await readSavedPlan(file, io.cwd);
      const meta = {
        toolVersion: TOOL_VERSION, createdAt: saved.created_at, planFile: saved.plan_file, savedPlan: file, backend: saved.backend,
      };
      if (format === 'human') io.stdout(renderShowHeader(savedPlanFacts(file, saved)));
      io.stdout(renderPlanView(format, { plan: saved.plan, meta, color: io.color, jsonPointer: `\`stagemig show ${file} --format json\`` }));
      if (format === 'human') io.stdout(renderShowFooter(file, saved.plan.steps.length));
      ctx.setExitCode(EXIT_OK);
    });
}
