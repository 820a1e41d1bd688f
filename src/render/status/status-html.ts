// `stagemig status --format html`: one self-contained page (inline CSS and SVG, no script, nothing
// fetched) that opens in any browser: a progress chart per wave, what waits, and the failures.
// Rendered from the status document.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { htmlText as h } from '../common/markdown-text.js';
import { journeyHtml } from './journey-report.js';
import type { JsonBatchStatus, StatusDocument } from './status-json.js';
import { estimateText, headline, num, observedLine, percentFinished, statusWord } from './status-report-text.js';

const CHART_WIDTH = 600;
const CHART_HEIGHT = 24;
const MAX_FAILURES = 200;

/** The parts of a bar, in order; "queued" is whatever is neither finished, active nor pending. */
const PARTS = ['synced', 'failed', 'active', 'pending', 'queued'] as const;
type Part = (typeof PARTS)[number];

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
body { margin: 0; background: #f6f8fa; }
main { max-width: 760px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.meta { color: #59636e; margin: 0 0 12px; } .headline { font-weight: 600; }
figure { margin: 0 0 18px; } figcaption { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; margin-bottom: 4px; }
.status { color: #59636e; } .pct { font-variant-numeric: tabular-nums; font-weight: 600; } .eta { color: #59636e; }
svg.chart { display: block; max-width: 100%; height: auto; border-radius: 4px; background: #eaeef2; }
.synced { fill: #1a7f37; background: #1a7f37; } .failed { fill: #cf222e; background: #cf222e; } .active { fill: #0969da; background: #0969da; }
.pending { fill: #bf8700; background: #bf8700; } .queued { fill: #d0d7de; background: #d0d7de; }
.legend { margin: 4px 0 0; font-size: .85rem; color: #59636e; font-variant-numeric: tabular-nums; }
.key { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
.legend .key:first-child { margin-left: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
ul { padding-left: 20px; } li.failed { color: #cf222e; } li.warning { color: #9a6700; } footer { margin-top: 28px; color: #59636e; font-size: .8rem; }
@media print { body { background: #fff; } main { padding: 0; } }
`;

function counts(b: { total: number; synced: number; failed: number; active: number; pending: number }): Record<Part, number> {
  const queued = Math.max(0, b.total - b.synced - b.failed - b.active - b.pending);
  return { synced: b.synced, failed: b.failed, active: b.active, pending: b.pending, queued };
}

/** A stacked bar: one rect per part, its width proportional to the count (data-count carries the number). */
function chart(label: string, c: Record<Part, number>, total: number): string {
  let x = 0;
  const rects = PARTS.map((p) => {
    const w = total > 0 ? (c[p] / total) * CHART_WIDTH : 0;
    const rect = `<rect class="${p}" data-part="${p}" data-count="${c[p]}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="${CHART_HEIGHT}"><title>${num(c[p])} ${p}</title></rect>`;
    x += w;
    return rect;
  });
  const aria = `${label}: ${PARTS.map((p) => `${num(c[p])} ${p}`).join(', ')} of ${num(total)}`;
  return `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" role="img" aria-label="${h(aria)}">${rects.join('')}</svg>`;
}

const legend = (c: Record<Part, number>): string =>
  `<p class="legend">${PARTS.map((p) => `<span class="key ${p}"></span><span data-legend="${p}">${num(c[p])} ${p}</span>`).join(' ')}</p>`;

function wave(b: JsonBatchStatus): string {
  const eta = estimateText(b.estimate);
  const head = `<figcaption><strong>${h(b.name)}</strong><span class="status">${h(statusWord(b))}</span>` +
    `${b.counts ? `<span class="pct">${percentFinished(b)}%</span>` : ''}${eta ? `<span class="eta">${h(eta)}</span>` : ''}</figcaption>`;
  if (!b.counts) return `<figure class="wave" data-batch="${h(b.name)}">${head}<p class="legend">${h(b.waiting_for ?? 'Not in the migration service.')}</p></figure>`;
  const c = counts(b.counts);
  return `<figure class="wave" data-batch="${h(b.name)}" data-total="${b.counts.total}">${head}${chart(b.name, c, b.counts.total)}${legend(c)}</figure>`;
}

function waits(doc: StatusDocument): string {
  const waiting = doc.batches.filter((b) => b.waiting_for !== null);
  if (waiting.length === 0) return '<p>Nothing waits: every batch is at its desired state or syncing.</p>';
  return `<ul>${waiting.map((b) => `<li data-waits="${h(b.name)}"><strong>${h(b.name)}</strong>: ${h(b.waiting_for!)}</li>`).join('')}</ul>`;
}

function failures(doc: StatusDocument): string {
  const failed = doc.users.filter((u) => /Failed|Corrupted/.test(u.status));
  if (failed.length === 0) return doc.totals.failed > 0 ? `<p>${num(doc.totals.failed)} mailboxes failed.</p>` : '<p>No mailbox has failed.</p>';
  const rows = failed.slice(0, MAX_FAILURES).map((u) =>
    `<tr data-failed="${h(u.email)}"><td>${h(u.email)}</td><td>${h(u.batch)}</td><td>${h(u.status)}</td><td>${h(u.error_summary ?? '')}</td></tr>`);
  const more = failed.length > MAX_FAILURES ? `<p>… and ${num(failed.length - MAX_FAILURES)} more (<code>stagemig status &lt;plan&gt; --format json</code> lists them all).</p>` : '';
  return `<table><thead><tr><th>Mailbox</th><th>Batch</th><th>Status</th><th>Error</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

export function renderStatusHtml(doc: StatusDocument): string {
  const t = doc.totals;
  const overall = counts({ total: t.mailboxes, synced: t.synced, failed: t.failed, active: t.active, pending: t.pending });
  const title = `Migration status: ${doc.backend.organization}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="stagemig ${h(doc.tool_version)}">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Migration status</h1>
<p class="meta">${h(observedLine(doc))}</p>
<p class="headline">${h(headline(doc))}</p>
<figure class="wave overall" data-batch="(all)" data-total="${t.mailboxes}">${chart('All batches', overall, t.mailboxes)}${legend(overall)}</figure>
<h2>Progress per wave</h2>
${doc.batches.length === 0 ? '<p>The plan declares no batches.</p>' : doc.batches.map(wave).join('\n')}
<h2>What waits</h2>
${waits(doc)}
<h2>Failures</h2>
${failures(doc)}
${doc.unmanaged.length > 0 ? `<h2>Not in the plan</h2><ul>${doc.unmanaged.map((u) => `<li>${h(u.address)} (${h(u.status)}, ${num(u.mailboxes)} mailboxes)</li>`).join('')}</ul>` : ''}
${doc.journey ? journeyHtml(doc.journey, doc.plan_file) : ''}
<footer>stagemig ${h(doc.tool_version)} · read at ${h(doc.observed_at)} · ETA from the sync rate observed so far · this page loads nothing from anywhere</footer>
</main>
</body>
</html>
`;
}
