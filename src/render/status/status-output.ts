// The `status` view: turns each reading of operations/status/status.ts into text in the chosen format and
// writes it to the streams it is given. With --watch: a redrawn screen on a terminal; otherwise the
// reading only when something changed, and (human format) a heartbeat line at the interval so a log
// never looks hung. The command passes these methods to the operation as its events.
//
// Must not: read the service, the clock or the environment (the reading carries its times).
import type { Diagnostic } from '../../diag/index.js';
import type { StatusReading } from '../../operations/status/status.js';
import { TOOL_VERSION } from '../../version.js';
import { heartbeatLine } from '../apply/progress-line.js';
import { stringifyJson } from '../common/json-document.js';
import { diagnosticsText } from '../common/output.js';
import type { Streams } from '../apply/apply-view.js';
import { renderJourneyHuman } from './journey-human.js';
import { toJourneyJson } from './journey-json.js';
import { renderStatusHtml } from './status-html.js';
import { renderStatusHuman } from './status-human.js';
import { toStatusDocument, type StatusDocument } from './status-json.js';
import { renderStatusMarkdown } from './status-markdown.js';
import { buildStatusView } from './status-view.js';

export type StatusFormat = 'human' | 'json' | 'markdown' | 'html';

export const DEFAULT_STATUS_HEARTBEAT_MS = 5 * 60_000;

/** Moves the cursor home and clears the terminal (a --watch redraw). */
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

const watchFooter = (intervalMs: number): string => `(every ${intervalMs / 1000}s; Ctrl-C to stop)\n`;

function viewOf(r: StatusReading) {
  return buildStatusView(r.desired, r.live, {
    now: r.observedAt, allUsers: r.allUsers,
    estimates: { byAddress: new Map(r.estimates.rows.map((row) => [row.address, row.estimate])), total: r.estimates.total.estimate },
    ...(r.onlyBatch !== undefined ? { onlyBatch: r.onlyBatch } : {}),
  });
}

/** The status document (JSON, and what the markdown and HTML reports are rendered from), journey included. */
export function statusDocument(r: StatusReading): StatusDocument {
  const backend = { type: r.desired.backend.type, organization: r.desired.organization };
  return { ...toStatusDocument(viewOf(r), { toolVersion: TOOL_VERSION, planFile: r.planFileShown, backend }), journey: toJourneyJson(r.journey) };
}

/** One reading as text: `compact` puts a JSON document on one line (--watch --format json). */
export function renderStatusReading(r: StatusReading, o: { format: StatusFormat; color: boolean; compact?: boolean }): string {
  if (o.format === 'human') {
    return renderStatusHuman(viewOf(r), { color: o.color, organization: r.desired.organization, backend: r.desired.backend.type }) +
      renderJourneyHuman(r.journey, { color: o.color, planPath: r.planFileShown });
  }
  const doc = statusDocument(r);
  if (o.format === 'markdown') return renderStatusMarkdown(doc);
  if (o.format === 'html') return renderStatusHtml(doc);
  return o.compact ? `${JSON.stringify(doc)}\n` : stringifyJson(doc);
}

export function createStatusView(out: Streams, o: { format: StatusFormat; color: boolean; isTTY: boolean; watch?: { intervalMs: number; heartbeatMs?: number } }) {
  let last: string | undefined;
  let lastBeat: number | undefined;
  const watched = (r: StatusReading, watch: { intervalMs: number; heartbeatMs?: number }): void => {
    const human = o.format === 'human';
    const text = renderStatusReading(r, { format: o.format, color: o.color, compact: !human });
    // What counts as a change: everything but the time of reading.
    const body = human ? text.split('\n').slice(1).join('\n') : text.replace(/"observed_at":"[^"]*",/, '');
    if (o.isTTY && human) out.stdout(`${CLEAR_SCREEN}${text}\n${watchFooter(watch.intervalMs)}`);
    else {
      if (body !== last) out.stdout(human && last !== undefined ? `\n${text}` : text);
      const wall = r.readAt.getTime();
      if (human && (lastBeat === undefined || wall - lastBeat >= (watch.heartbeatMs ?? DEFAULT_STATUS_HEARTBEAT_MS))) {
        out.stdout(`${heartbeatLine(r.observedAt.getTime(), r.estimates.total, r.estimates.rows)}\n`);
        lastBeat = wall;
      }
    }
    last = body;
  };
  return {
    loaded(warnings: readonly Diagnostic[]): void {
      const text = diagnosticsText(warnings, o.color);
      if (text !== '') out.stderr(text);
    },
    reading(r: StatusReading): void {
      if (o.watch) watched(r, o.watch);
      else out.stdout(renderStatusReading(r, { format: o.format, color: o.color }));
    },
  };
}
