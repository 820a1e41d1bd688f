// `stagemig status --format markdown`: progress for a ticket or a chat, rendered from the status document.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { codeSpan, mdText } from '../common/markdown-text.js';
import { journeyMarkdown } from './journey-report.js';
import type { StatusDocument } from './status-json.js';
import { estimateText, headline, num, observedLine, percentFinished, statusWord } from './status-report-text.js';

/** Failed mailboxes listed by name; the rest are counted (a chat message stays short). */
const MAX_FAILURES = 50;

function batchTable(doc: StatusDocument): string[] {
  if (doc.batches.length === 0) return ['The plan declares no batches.', ''];
  const out = ['| Batch | Status | Done | Synced | Failed | Active | Pending | Mailboxes | ETA |', '|---|---|--:|--:|--:|--:|--:|--:|---|'];
  for (const b of doc.batches) {
    const c = b.counts;
    out.push(`| ${mdText(b.name)} | ${mdText(statusWord(b))} | ${c ? `${percentFinished(b)}%` : '—'} | ${c ? num(c.synced) : '—'} | ` +
      `${c ? num(c.failed) : '—'} | ${c ? num(c.active) : '—'} | ${c ? num(c.pending) : '—'} | ${c ? num(c.total) : '—'} | ${mdText(estimateText(b.estimate)) || '—'} |`);
  }
  return [...out, ''];
}

function waitLines(doc: StatusDocument): string[] {
  const waiting = doc.batches.filter((b) => b.waiting_for !== null);
  if (waiting.length === 0) return [];
  return ['### What waits', '', ...waiting.map((b) => `- **${mdText(b.name)}**: ${mdText(b.waiting_for!)}`), ''];
}

function failureLines(doc: StatusDocument): string[] {
  const failed = doc.users.filter((u) => /Failed|Corrupted/.test(u.status));
  if (failed.length === 0) return doc.totals.failed > 0 ? ['### Failures', '', `${num(doc.totals.failed)} mailboxes failed.`, ''] : [];
  const out = ['### Failures', ''];
  for (const u of failed.slice(0, MAX_FAILURES)) out.push(`- ${codeSpan(u.email)} (${mdText(u.batch)}): ${mdText(u.error_summary ?? u.status)}`);
  if (failed.length > MAX_FAILURES) out.push(`- … and ${num(failed.length - MAX_FAILURES)} more (\`stagemig status <plan> --format json\` lists them all)`);
  return [...out, ''];
}

export function renderStatusMarkdown(doc: StatusDocument): string {
  const unmanaged = doc.unmanaged.length > 0
    ? [`Not in the plan (left alone): ${doc.unmanaged.map((u) => `${mdText(u.address)} (${u.status}, ${num(u.mailboxes)})`).join(', ')}`, '']
    : [];
  const lines = [
    '## Migration status', '', mdText(observedLine(doc)), '', `**${mdText(headline(doc))}**`, '',
    ...batchTable(doc), ...waitLines(doc), ...failureLines(doc), ...unmanaged,
    ...(doc.journey ? journeyMarkdown(doc.journey, doc.plan_file) : []),
    `<sub>stagemig ${doc.tool_version} · ETA from the sync rate observed so far</sub>`,
  ];
  return `${lines.join('\n')}\n`;
}
