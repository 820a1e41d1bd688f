// `stagemig status <plan.yaml> [--format human|json|markdown|html] [--users] [--batch NAME] [--watch [--interval 30s] [--heartbeat 5m]]`:
// live per-batch and per-mailbox progress, read through Backend.readLive() only (any backend).
import { InvalidArgumentError, type Command } from 'commander';
import { openBackend, type Backend } from '../../backends/index.js';
import { parseDuration } from '../../model/index.js';
import { displayPath, loadPlan } from '../../config/index.js';
import { error, hasErrors, StagemigError } from '../../diag/index.js';
import { nameKey, type DesiredState } from '../../model/index.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { renderStatusHuman } from '../../render/status/status-human.js';
import { stringifyJson } from '../../render/common/json-document.js';
import { toStatusDocument } from '../../render/status/status-json.js';
import { buildStatusView } from '../../render/status/status-view.js';
import { renderStatusHtml } from '../../render/status/status-html.js';
import { renderStatusMarkdown } from '../../render/status/status-markdown.js';
import { heartbeatLine } from '../../render/apply/progress-line.js';
import { createProgressRows, type ProgressEstimator } from '../../apply/progress-rows.js';
import { batchProgress } from '../../apply/wait-progress.js';
import { TOOL_VERSION } from '../../version.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { journeyFailed, readJourney } from '../../operations/status-journey.js';
import { renderJourneyHuman } from '../../render/status/journey-human.js';
import { toJourneyJson } from '../../render/status/journey-json.js';
import { addFormatOption, parseFormat, STATUS_FORMATS } from '../format-option.js';
import { createPauser } from '../../operations/pause.js';
import type { CommandContext } from '../program.js';
import { batchNamed } from '../../operations/batch-option.js';

interface StatusOptions {
  format?: string;
  users?: boolean;
  batch?: string;
  watch?: boolean;
  interval?: number;
  heartbeat?: number;
}

type StatusFormat = (typeof STATUS_FORMATS)[number];
interface Checked {
  format: StatusFormat;
  batch?: string;
}

const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_HEARTBEAT_MS = 5 * 60_000;
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export function parseInterval(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms < 1000) throw new InvalidArgumentError('use a duration of at least 1s, e.g. 10s, 1m or 5m');
  return ms;
}

function checkOptions(desired: DesiredState, opts: StatusOptions): Checked {
  const format = parseFormat(opts.format, STATUS_FORMATS);
  if (opts.watch && (format === 'markdown' || format === 'html')) {
    throw new StagemigError([error('USAGE', `--watch prints to a terminal or a log; --format ${format} is a report of one reading`, {
      hint: `Run \`stagemig status <plan> --format ${format}\` whenever a fresh report is wanted (e.g. on a schedule), or use --watch with --format human or json.`,
    })]);
  }
  if (opts.batch === undefined) return { format };
  return { format, batch: batchNamed(desired, opts.batch).name };
}

interface Reading {
  text: string;
  /** The one-line progress summary (--watch off a terminal). */
  heartbeat: string;
  /** A migrated mailbox is unlicensed past the 30-day grace (seed step 7): status exits 1. */
  failed: boolean;
}

/** One read of the service, rendered; `estimate` follows the sync rate over the readings of a --watch. */
async function snapshot(ctx: CommandContext, desired: DesiredState, backend: Backend, opts: StatusOptions, checked: Checked, compact: boolean, estimate: ProgressEstimator): Promise<Reading> {
  const live = await backend.readLive();
  const now = backend.clock ? await backend.clock.now() : ctx.io.now();
  const progress = batchProgress(desired, live).filter((p) => checked.batch === undefined || nameKey(p.name) === nameKey(checked.batch));
  const { rows, total } = estimate(progress, now.getTime());
  const estimates = { byAddress: new Map(rows.map((r) => [r.address, r.estimate])), total: total.estimate };
  const view = buildStatusView(desired, live, { now, allUsers: opts.users === true, estimates, ...(checked.batch ? { onlyBatch: checked.batch } : {}) });
  const heartbeat = heartbeatLine(now.getTime(), total, rows);
  const journey = await readJourney(desired, live, backend, now);
  const failed = journeyFailed(journey);
  if (checked.format === 'human') {
    const text = renderStatusHuman(view, { color: ctx.io.color, organization: desired.organization, backend: desired.backend.type }) +
      renderJourneyHuman(journey, { color: ctx.io.color, planPath: displayPath(desired.planFile, ctx.io.cwd) });
    return { text, heartbeat, failed };
  }
  const backendInfo = { type: desired.backend.type, organization: desired.organization };
  const doc = { ...toStatusDocument(view, { toolVersion: TOOL_VERSION, planFile: displayPath(desired.planFile, ctx.io.cwd), backend: backendInfo }), journey: toJourneyJson(journey) };
  if (checked.format === 'markdown') return { text: renderStatusMarkdown(doc), heartbeat, failed };
  if (checked.format === 'html') return { text: renderStatusHtml(doc), heartbeat, failed };
  return { text: compact ? `${JSON.stringify(doc)}\n` : stringifyJson(doc), heartbeat, failed };
}

async function status(ctx: CommandContext, planPath: string, opts: StatusOptions): Promise<void> {
  const { io } = ctx;
  const { desired, diagnostics } = await loadPlan(planPath, { cwd: io.cwd });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  if (diagnostics.length > 0) io.stderr(renderDiagnostics(diagnostics, { color: io.color }));
  const checked = checkOptions(desired, opts);
  const backend = await openBackend(desired.backend, { now: io.now, env: io.env, organization: desired.organization, ...(io.log ? { log: io.log } : {}) });
  const estimate = createProgressRows();
  try {
    const read = (compact: boolean) => snapshot(ctx, desired, backend, opts, checked, compact, estimate);
    if (!opts.watch) {
      const { text, failed } = await read(false);
      io.stdout(text);
      return ctx.setExitCode(failed ? EXIT_ERROR : EXIT_OK);
    }
    await watch(ctx, { intervalMs: opts.interval ?? DEFAULT_INTERVAL_MS, heartbeatMs: opts.heartbeat ?? DEFAULT_HEARTBEAT_MS }, read, checked.format);
    ctx.setExitCode(EXIT_OK);
  } finally {
    await backend.close();
  }
}

/**
 * Re-reads until Ctrl-C: a redrawn screen on a terminal; otherwise the status only when something
 * changed, and (human format) a heartbeat line at the interval so a log never looks hung.
 */
async function watch(ctx: CommandContext, t: { intervalMs: number; heartbeatMs: number }, read: (compact: boolean) => Promise<Reading>, format: StatusFormat): Promise<void> {
  const { io } = ctx;
  const pauser = createPauser(ctx.host);
  let last: string | undefined;
  let lastBeat: number | undefined;
  try {
    do {
      const { text, heartbeat } = await read(format === 'json');
      const body = format === 'human' ? text.split('\n').slice(1).join('\n') : text.replace(/"observed_at":"[^"]*",/, '');
      if (io.isTTY && format === 'human') io.stdout(`${CLEAR_SCREEN}${text}\n(every ${t.intervalMs / 1000}s; Ctrl-C to stop)\n`);
      else {
        if (body !== last) io.stdout(format === 'human' && last !== undefined ? `\n${text}` : text);
        const wall = io.now().getTime();
        if (format === 'human' && (lastBeat === undefined || wall - lastBeat >= t.heartbeatMs)) {
          io.stdout(`${heartbeat}\n`);
          lastBeat = wall;
        }
      }
      last = body;
    } while (await pauser.pause(t.intervalMs));
  } finally {
    pauser.done();
  }
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
    .action((planPath: string, opts: StatusOptions) => status(ctx, planPath, opts));
}
