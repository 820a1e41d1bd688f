// `stagemig status <plan.yaml> [--format human|json] [--users] [--batch NAME] [--watch [--interval 30s]]`:
// live per-batch and per-mailbox progress, read through Backend.readLive() only (any backend).
import { InvalidArgumentError, type Command } from 'commander';
import { openBackend, type Backend } from '../../backends/index.js';
import { parseDuration } from '../../model/index.js';
import { displayPath, loadPlan } from '../../config/index.js';
import { didYouMean } from '../../config/did-you-mean.js';
import { error, hasErrors, StagemigError } from '../../diag/index.js';
import { nameKey, type DesiredState } from '../../model/index.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { renderStatusHuman } from '../../render/status/status-human.js';
import { stringifyJson } from '../../render/common/json-document.js';
import { toStatusDocument } from '../../render/status/status-json.js';
import { buildStatusView } from '../../render/status/status-view.js';
import { TOOL_VERSION } from '../../version.js';
import { EXIT_OK } from '../exit-codes.js';
import { createPauser } from '../../operations/pause.js';
import type { CommandContext } from '../program.js';

interface StatusOptions {
  format?: string;
  users?: boolean;
  batch?: string;
  watch?: boolean;
  interval?: number;
}

const DEFAULT_INTERVAL_MS = 30_000;
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export function parseInterval(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms < 1000) throw new InvalidArgumentError('use a duration of at least 1s, e.g. 10s, 1m or 5m');
  return ms;
}

function checkOptions(desired: DesiredState, opts: StatusOptions): { format: 'human' | 'json'; batch?: string } {
  const format = (opts.format ?? 'human').toLowerCase();
  if (format !== 'human' && format !== 'json') {
    throw new StagemigError([error('USAGE', `Unknown output format "${opts.format}"`, { hint: 'Use --format human or --format json.' })]);
  }
  if (opts.batch === undefined) return { format };
  const found = desired.batches.find((b) => nameKey(b.name) === nameKey(opts.batch!));
  if (found) return { format, batch: found.name };
  const names = desired.batches.map((b) => b.name);
  throw new StagemigError([error('USAGE', `--batch ${opts.batch} does not name a batch in the plan`, {
    hint: didYouMean(opts.batch, names) ?? `The plan's batches: ${names.join(', ') || '(none)'}.`,
  })]);
}

async function snapshot(ctx: CommandContext, desired: DesiredState, backend: Backend, opts: StatusOptions, checked: { format: 'human' | 'json'; batch?: string }, compact: boolean): Promise<string> {
  const live = await backend.readLive();
  const now = backend.clock ? await backend.clock.now() : ctx.io.now();
  const view = buildStatusView(desired, live, { now, allUsers: opts.users === true, ...(checked.batch ? { onlyBatch: checked.batch } : {}) });
  const backendInfo = { type: desired.backend.type, organization: desired.organization };
  if (checked.format === 'human') return renderStatusHuman(view, { color: ctx.io.color, organization: desired.organization, backend: desired.backend.type });
  const doc = toStatusDocument(view, { toolVersion: TOOL_VERSION, planFile: displayPath(desired.planFile, ctx.io.cwd), backend: backendInfo });
  return compact ? `${JSON.stringify(doc)}\n` : stringifyJson(doc);
}

async function status(ctx: CommandContext, planPath: string, opts: StatusOptions): Promise<void> {
  const { io } = ctx;
  const { desired, diagnostics } = await loadPlan(planPath, { cwd: io.cwd });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  if (diagnostics.length > 0) io.stderr(renderDiagnostics(diagnostics, { color: io.color }));
  const checked = checkOptions(desired, opts);
  const backend = await openBackend(desired.backend, { now: io.now, env: io.env, organization: desired.organization, ...(io.log ? { log: io.log } : {}) });
  try {
    if (!opts.watch) {
      io.stdout(await snapshot(ctx, desired, backend, opts, checked, false));
      return ctx.setExitCode(EXIT_OK);
    }
    await watch(ctx, opts.interval ?? DEFAULT_INTERVAL_MS, (compact) => snapshot(ctx, desired, backend, opts, checked, compact), checked.format);
    ctx.setExitCode(EXIT_OK);
  } finally {
    await backend.close();
  }
}

/** Re-reads until Ctrl-C: a redrawn screen on a terminal, otherwise output only when something changed. */
async function watch(ctx: CommandContext, intervalMs: number, read: (compact: boolean) => Promise<string>, format: 'human' | 'json'): Promise<void> {
  const { io } = ctx;
  const pauser = createPauser(ctx.host);
  let last: string | undefined;
  try {
    do {
      const text = await read(format === 'json');
      const body = format === 'human' ? text.split('\n').slice(1).join('\n') : text.replace(/"observed_at":"[^"]*",/, '');
      if (io.isTTY && format === 'human') io.stdout(`${CLEAR_SCREEN}${text}\n(every ${intervalMs / 1000}s; Ctrl-C to stop)\n`);
      else if (body !== last) io.stdout(format === 'human' && last !== undefined ? `\n${text}` : text);
      last = body;
    } while (await pauser.pause(intervalMs));
  } finally {
    pauser.done();
  }
}

export function registerStatus(program: Command, ctx: CommandContext): void {
  program
    .command('status')
    .description('Show live progress: one line per batch of the plan, failed mailboxes with their error')
    .argument('<plan>', 'migration plan YAML file')
    .option('--format <format>', 'output format: human, json', 'human')
    .option('--users', 'one line per mailbox of every batch')
    .option('--batch <name>', 'only this batch, with one line per mailbox')
    .option('--watch', 'read the service again at an interval until Ctrl-C')
    .option('--interval <duration>', 'how often --watch reads (default 30s)', parseInterval)
    .action((planPath: string, opts: StatusOptions) => status(ctx, planPath, opts));
}
