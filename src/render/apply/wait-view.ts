// `apply --wait` views: a progress bar per batch on a terminal, a line per change of status otherwise,
// and the closing report. Pure but for what the live view remembers (lines drawn, statuses seen).
// Must not: read files, the service or the clock (each reading carries its time), or print: each function returns
// text, with the service's texts passed through forTerminal.
import { createColors } from 'picocolors';
import type { BatchProgress } from '../../apply/wait-progress.js';
import type { BlockedChange, WaitOutcome } from '../../apply/wait-loop.js';
import { durationText, plural } from '../../model/index.js';
import { shortUtc } from '../common/time-text.js';
import type { Estimates } from '../../apply/progress-rows.js';
import { etaText, heartbeatLine } from './progress-line.js';
import { forTerminal } from '../common/safe-text.js';

/** Off a terminal, a progress line at least this often (service time). */
export const DEFAULT_HEARTBEAT_MS = 5 * 60_000;

const BAR = 24;

function state(p: BatchProgress): string {
  if (p.status === undefined) return p.desiredState === 'removed' ? 'removed' : 'not created yet';
  return p.status;
}

const counts = (p: BatchProgress): string =>
  p.status === undefined ? '' : `${p.synced}/${p.total} synced, ${p.failed} failed${p.pending > 0 ? `, ${p.pending} pending` : ''}`;

/** One line per batch whose status changed since `seen` (which it updates): for logs and CI. */
export function statusChangeLines(seen: Map<string, string>, batches: readonly BatchProgress[], at: number): string[] {
  const out: string[] = [];
  for (const p of forTerminal(batches)) {
    const now = state(p);
    const before = seen.get(p.address);
    if (before === now) continue;
    seen.set(p.address, now);
    const change = before === undefined ? now : `${before} -> ${now}`;
    out.push(`${shortUtc(new Date(at))}  ${p.address}  ${change}${p.status ? `  (${counts(p)})` : ''}`);
  }
  return out;
}

/** A bar per batch (percentage of mailboxes synced) with its rate and ETA, redrawn in place on a terminal. */
export function progressBars(batches: readonly BatchProgress[], at: number, elapsedMs: number, color: boolean, est?: Estimates): string[] {
  const progress = forTerminal(batches);
  const pc = createColors(color);
  const width = Math.max(0, ...progress.map((p) => p.name.length));
  const overall = est ? etaText(est.total.estimate, est.total.total - est.total.synced - est.total.failed) : '';
  const lines = [`Waiting for the migration service (${shortUtc(new Date(at))}, ${durationText(elapsedMs)} so far${overall ? `; ${overall}` : ''}):`];
  for (const [i, p] of progress.entries()) {
    const row = est?.rows[i];
    const eta = row && !row.done ? etaText(row.estimate, row.total - row.synced - row.failed) : '';
    const ratio = p.desiredState === 'removed' ? (p.status === undefined ? 1 : 0) : p.total > 0 ? (p.synced + p.failed) / p.total : p.phase === 'done' ? 1 : 0;
    const filled = Math.round(ratio * BAR);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}`;
    const paint = p.failed > 0 ? pc.red : p.phase === 'done' ? pc.green : (s: string) => s;
    lines.push(`  ${p.name.padEnd(width)}  [${paint(bar)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${state(p)}  ${counts(p)}${eta ? `, ${eta}` : ''}`.trimEnd());
  }
  return lines;
}

/** What a change that stopped the wait waits on, in the plan's words. */
function blockedBy(c: BlockedChange): string {
  switch (c.waitsFor) {
    case 'admin': return 'needs your decision';
    case 'unknown-status': return 'has a status stagemig does not know';
    case 'gates': return 'is held by a removal gate that will not open by itself';
    default: return 'waits on the migration service, which has not moved for several reads';
  }
}

export function renderWaitOutcome(result: WaitOutcome, opts: { color: boolean; simulated: boolean }): string {
  const outcome = forTerminal(result); // batch names, mailboxes and the service's error texts
  const pc = createColors(opts.color);
  const clock = opts.simulated ? ' of simulated time' : '';
  switch (outcome.kind) {
    case 'converged': {
      if (outcome.failed.length === 0) {
        return pc.green(pc.bold(`Converged after ${durationText(outcome.elapsedMs)}${clock}: every batch is at its desired state.`)) + '\n';
      }
      const lines = [pc.red(pc.bold(`Every batch reached its state after ${durationText(outcome.elapsedMs)}${clock}, but ${plural(outcome.failed.length, 'mailbox', 'mailboxes')} failed (retryFailed could not fix them, or is not set):`))];
      for (const u of outcome.failed) lines.push(`  ${u.email} (${u.batch}): ${u.errorSummary ?? u.status}`);
      lines.push('Fix the cause (see the errors), then run `stagemig apply` again: with `retryFailed: true` it retries them.');
      return lines.join('\n') + '\n';
    }
    case 'timeout':
      return pc.red(pc.bold(`Timed out after ${durationText(outcome.elapsedMs)}${clock}; still waiting for: `)) +
        outcome.waitingFor.map((p) => `${p.address} (${state(p)}${p.status ? `, ${counts(p)}` : ''})`).join(', ') +
        '\nThe service keeps working; follow it with `stagemig status`, or wait longer with --timeout.\n';
    case 'stuck':
      return pc.red(pc.bold(`${outcome.batches.map((p) => `${p.address} is ${state(p)}`).join('; ')}: the service only allows removing a Corrupted batch.`)) +
        '\nSet `state: removed` on it, apply, then create it again under a new name or after removal finishes.\n';
    case 'blocked':
      return [pc.red(pc.bold('Stopped waiting: the plan still waits on something that will not change by itself:')),
        ...outcome.changes.flatMap((c) => c.notes.map((n) => `  ${c.address} ${blockedBy(c)}: ${n}`)),
        'Make the decision the notes describe (usually a YAML or CSV edit), then run `stagemig apply` again.'].join('\n') + '\n';
    case 'step-failed':
      return pc.red('Stopped waiting: the steps above did not all run (see the report above).') + '\n';
    case 'interrupted':
      return 'Interrupted while waiting: the service keeps migrating. Follow it with `stagemig status`; `stagemig apply --wait` picks up from there.\n';
  }
}

/** Ctrl-C while `apply --wait` waits (stderr). */
export const WAIT_INTERRUPTED = '\nInterrupted: stopping at the next read.\n';

/**
 * The live part of `apply --wait`: bars redrawn in place on a terminal (the only cursor escapes
 * stagemig writes), a line per change of status otherwise. Each method returns the text to print.
 */
export function createWaitProgressView(o: { isTTY: boolean; color: boolean; heartbeatMs?: number }) {
  const seen = new Map<string, string>();
  const heartbeatMs = o.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  let drawn = 0;
  let lastBeat: number | undefined;
  return {
    progress(progress: readonly BatchProgress[], at: number, elapsedMs: number, estimates: Estimates): string {
      if (o.isTTY) {
        const clear = drawn > 0 ? `\x1b[${drawn}A\x1b[0J` : '';
        const lines = progressBars(progress, at, elapsedMs, o.color, estimates);
        drawn = lines.length;
        return `${clear}${lines.join('\n')}\n`;
      }
      const lines = statusChangeLines(seen, progress, at);
      // A log that stays silent for hours looks hung: a heartbeat line at the interval says it is not.
      if (lastBeat === undefined || at - lastBeat >= heartbeatMs) {
        lines.push(heartbeatLine(at, estimates.total, estimates.rows));
        lastBeat = at;
      }
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    },
    moreSteps(count: number): string {
      drawn = 0;
      return `\nThe service is ready for ${plural(count, 'more step')}:\n`;
    },
  };
}
