// The planning flags `plan` and `apply` share (--target, --allow-remove, --refresh-only), parsed into
// the operations' PlanningOptions.
//
// Must not: run the work or write text (views make the text; emit.ts writes it).
import type { Command } from 'commander';
import type { PlanningOptions } from '../operations/planning.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Adds --target and --allow-remove (and, for plan, --refresh-only) to a command. */
export function addPlanningOptions(cmd: Command, opts: { refreshOnly: boolean }): Command {
  cmd
    .option('--target <address>', 'limit to batch.NAME or endpoint.NAME and what it depends on (repeatable)', collect)
    .option('--allow-remove', 'allow removing endpoints, and batches that a removal gate still holds (a warning names what is skipped)')
    .option('--allow-csv-outside', 'read CSV files outside the plan\'s folder (absolute paths, .., symlinks)');
  if (opts.refreshOnly) cmd.option('--refresh-only', 'show only changes made outside stagemig (drift); propose no cmdlets');
  return cmd;
}

/** The typed options from commander's parsed flags. */
export function planningOptionsOf(opts: { target?: string[]; allowRemove?: boolean; refreshOnly?: boolean; allowCsvOutside?: boolean }): PlanningOptions {
  return { targets: opts.target ?? [], allowRemove: opts.allowRemove === true, refreshOnly: opts.refreshOnly === true, allowCsvOutside: opts.allowCsvOutside === true };
}

/** --full, shared by plan, show and apply. */
export const FULL_OPTION = ['--full', 'in the terminal view, list every mailbox, every per-mailbox cmdlet and every block (long lists are summarised by default)'] as const;
