// `stagemig status <plan.yaml> [--format human|json|markdown|html] [--users] [--batch NAME] [--watch [--interval 30s] [--heartbeat 5m]]`:
// flags → operations/status/status.ts (each reading → render/status/status-output.ts) → exit code.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import { InvalidArgumentError, type Command } from 'commander';
import { parseDuration } from '../../model/index.js';
import { DEFAULT_STATUS_INTERVAL_MS, runStatus } from '../../operations/status/status.js';
import { createStatusView } from '../../render/status/status-output.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { addFormatOption, parseFormat, STATUS_FORMATS } from '../format-option.js';
import type { CommandContext } from '../program.js';

interface StatusFlags {
  format?: string;
  users?: boolean;
  batch?: string;
  watch?: boolean;
  interval?: number;
  heartbeat?: number;
}

export function parseInterval(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms < 1000) throw new InvalidArgumentError('use a duration of at least 1s, e.g. 10s, 1m or 5m');
  return ms;
}

export function registerStatus(program: Command, ctx: CommandContext): void {
  addFormatOption(program
    .command('status')
    .description('Show live progress: one line per batch of the plan, failed mailboxes with their error; reports for tickets (markdown) and for sharing (html)')
    .argument('<plan>', 'migration plan YAML file'), STATUS_FORMATS)
    .option('--users', 'one line per mailbox of every batch')
    .option('--batch <name>', 'only this batch, with one line per mailbox')
    .option('--watch', 'read the service again at an interval until Ctrl-C')
    .option('--interval <duration>', 'how often --watch reads (default 30s)', parseInterval)
    .option('--heartbeat <duration>', 'with --watch off a terminal: print a one-line progress summary (per-batch %, counts, ETA) this often (default 5m)', parseInterval)
    .action(async (planPath: string, flags: StatusFlags) => {
      const { io, host } = ctx;
      const format = parseFormat(flags.format, STATUS_FORMATS);
      const watch = flags.watch ? { intervalMs: flags.interval ?? DEFAULT_STATUS_INTERVAL_MS } : undefined;
      const view = createStatusView(io, {
        format, color: io.color, isTTY: io.isTTY,
        ...(watch ? { watch: { ...watch, ...(flags.heartbeat !== undefined ? { heartbeatMs: flags.heartbeat } : {}) } } : {}),
      });
      const result = await runStatus(host, {
        planPath, allUsers: flags.users === true, ...(flags.batch !== undefined ? { batch: flags.batch } : {}), ...(watch ? { watch } : {}),
        ...(format === 'markdown' || format === 'html' ? { reportFormat: format } : {}),
      }, view);
      ctx.setExitCode(result.failed ? EXIT_ERROR : EXIT_OK);
    });
}
