// `--format` values: parsed into a typed choice before anything else runs, so a bad value is a
// usage error whatever else is wrong. Every command words, orders and defaults them the same way.
//
// Must not: run the work or write text (views make the text; emit.ts writes it).
import type { Command } from 'commander';
import { error, StagemigError } from '../diag/index.js';

export { PLAN_FORMATS, SHOW_FORMATS, type PlanFormat } from '../render/plan/plan-formats.js';

export const CHECK_FORMATS = ['human', 'json', 'markdown'] as const;

export const VALIDATE_FORMATS = ['human', 'json'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** `status`: the terminal, a JSON document, a report for tickets and chats, a self-contained HTML page. */
export const STATUS_FORMATS = ['human', 'json', 'markdown', 'html'] as const;

export const VERSION_FORMATS = ['human', 'json'] as const;

/** `convert`: what was read and written, for people or as a JSON document. */
export const CONVERT_FORMATS = ['human', 'json'] as const;

/** Adds `--format <format>` with the one wording and default every command uses. */
export function addFormatOption(cmd: Command, allowed: readonly string[]): Command {
  return cmd.option('--format <format>', `output format: ${allowed.join(', ')}`, 'human');
}

export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  const v = (value ?? 'human').toLowerCase();
  const found = allowed.find((a) => a === v);
  if (found !== undefined) return found;
  throw new StagemigError([error('USAGE', `Unknown output format "${value}"`, {
    hint: `Use --format ${allowed.join(', --format ')}.`,
  })]);
}
