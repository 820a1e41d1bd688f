// `stagemig validate <plan.yaml>`: offline checks of the plan, its CSV files and cross-references.
import type { Command } from 'commander';
import { loadPlan } from '../../config/index.js';
import { hasErrors, sortDiagnostics } from '../../diag/index.js';
import type { Diagnostic } from '../../diag/index.js';
import type { DesiredState } from '../../model/index.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { stringifyJson } from '../../render/common/json-document.js';
import { toValidateDocument } from '../../render/validate/json-validate.js';
import { TOOL_VERSION } from '../../version.js';
import { parseFormat, VALIDATE_FORMATS } from '../format-option.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandContext } from '../program.js';
import { plural } from '../../model/index.js';


export function validSummary(desired: DesiredState): string {
  const mailboxes = desired.batches.reduce((n, b) => n + b.users.length, 0);
  return `Valid: ${plural(desired.endpoints.length, 'endpoint')}, ${plural(desired.batches.length, 'batch', 'batches')}, ${plural(mailboxes, 'mailbox', 'mailboxes')}.`;
}

function countLine(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean);
  return `${parts.join(', ')}.`;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('Check a migration plan offline: YAML syntax, schema, CSV files and cross-references.')
    .argument('<plan>', 'path of the migration plan YAML file')
    .option('--format <format>', `output format: ${VALIDATE_FORMATS.join(', ')}`, 'human')
    .option('--allow-csv-outside', 'read CSV files outside the plan\'s folder (absolute paths, .., symlinks)')
    .action(async (plan: string, opts: { format?: string; allowCsvOutside?: boolean }) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, VALIDATE_FORMATS);
      const result = await loadPlan(plan, { cwd: io.cwd, warnUnsetSecretsIn: io.env, allowCsvOutside: opts.allowCsvOutside === true });
      const diags = sortDiagnostics(result.diagnostics);
      if (format === 'json') {
        // stdout is the one document; stderr still carries the diagnostics for people reading CI logs.
        if (diags.length > 0) io.stderr(renderDiagnostics(diags, { color: io.color }));
        io.stdout(stringifyJson(toValidateDocument({ toolVersion: TOOL_VERSION, planFile: plan, desired: result.desired, diagnostics: diags })));
        ctx.setExitCode(hasErrors(diags) || !result.desired ? EXIT_ERROR : EXIT_OK);
        return;
      }
      if (diags.length > 0) io.stderr(`${renderDiagnostics(diags, { color: io.color })}\n${countLine(diags)}\n`);
      if (hasErrors(diags) || !result.desired) {
        ctx.setExitCode(EXIT_ERROR);
        return;
      }
      io.stdout(`${validSummary(result.desired)}\n`);
      ctx.setExitCode(EXIT_OK);
    });
}
