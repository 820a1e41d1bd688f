// `stagemig check` for a terminal or a CI log: one block per check, one line per object, the service's
// words and what to do under each problem, the first addresses of each category.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import pc from 'picocolors';
import { CHECK_KINDS, countByStatus, type CheckFinding, type CheckKind, type CheckReport, type CheckStatus } from '../../operations/check/finding.js';
import { plural } from '../../model/index.js';
import { forTerminal } from '../common/safe-text.js';

/** Addresses shown per category; the JSON document has them all. */
export const HUMAN_ADDRESS_CAP = 10;

export const CHECK_TITLES: Record<CheckKind, string> = {
  endpoint: 'Endpoint reachability and rights',
  recipients: 'Recipients in the cloud',
  domains: 'Domains',
  coexistence: 'Coexistence with cutover batches',
  limits: 'Limits',
  dns: 'DNS (MX and Autodiscover)',
  licenses: 'Licences of migrated mailboxes (30-day grace)',
};

const LABEL: Record<CheckStatus, string> = { passed: 'pass', warning: 'WARN', failed: 'FAIL' };

export function statusLabel(s: CheckStatus, color: boolean): string {
  if (!color) return LABEL[s];
  return s === 'passed' ? pc.green(LABEL[s]) : s === 'warning' ? pc.yellow(LABEL[s]) : pc.red(pc.bold(LABEL[s]));
}

function findingLines(f: CheckFinding, color: boolean): string[] {
  const out = [`  ${statusLabel(f.status, color)}  ${f.object}: ${f.summary}`];
  if (f.status === 'passed') return out;
  if (f.cmdlet) out.push(`        ran: ${f.cmdlet}`);
  if (f.detail) out.push(`        ${f.detail}`);
  for (const [category, list] of Object.entries(f.addresses ?? {})) {
    const shown = list.slice(0, HUMAN_ADDRESS_CAP).join(', ');
    const more = list.length > HUMAN_ADDRESS_CAP ? `, … and ${(list.length - HUMAN_ADDRESS_CAP).toLocaleString('en-US')} more (all in --format json)` : '';
    out.push(`        ${category.replace(/_/g, ' ')}: ${shown}${more}`);
  }
  if (f.hint) out.push(`        → ${f.hint}`);
  return out;
}

export function summaryLine(findings: readonly CheckFinding[]): string {
  const c = countByStatus(findings);
  return `Checks: ${c.passed} passed, ${plural(c.warning, 'warning')}, ${c.failed} failed.`;
}

/** " Not checked: licences." after the summary line, when a check was not made. */
export const skippedText = (skipped: CheckReport['skipped']): string =>
  skipped.length === 0 ? '' : ` Not checked: ${skipped.map((k) => CHECK_TITLES[k.check].toLowerCase()).join(', ')}.`;

export function renderCheckHuman(input: CheckReport, opts: { color: boolean; organization: string; backend: string }): string {
  const report = forTerminal(input); // addresses, names and the service's answers
  const lines = [`stagemig check: ${opts.organization} (${opts.backend} backend), ${plural(report.serviceCalls, 'service call')}`, ''];
  for (const kind of CHECK_KINDS) {
    const mine = report.findings.filter((f) => f.check === kind);
    const skipped = report.skipped.filter((k) => k.check === kind);
    if (mine.length === 0 && skipped.length === 0) continue;
    lines.push(CHECK_TITLES[kind]);
    for (const f of mine) lines.push(...findingLines(f, opts.color));
    for (const k of skipped) lines.push(`  skip  ${k.summary}`, ...(k.hint ? [`        → ${k.hint}`] : []));
    lines.push('');
  }
  const failed = countByStatus(report.findings).failed;
  lines.push(summaryLine(report.findings) + skippedText(report.skipped));
  lines.push(failed > 0 ? 'Fix what failed before `stagemig apply`; the README explains each check.' : 'Nothing failed: the plan can be applied.');
  return `${lines.join('\n')}\n`;
}
