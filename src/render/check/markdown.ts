// `stagemig check --format markdown`: a pull-request comment. Problems first, one table row each, with
// their addresses in collapsible blocks; passed checks folded away. The whole comment stays within
// GitHub's 65,536-character limit: address lists shrink first, then rows, and it says what was left out.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).
import { countByStatus, type CheckFinding, type CheckReport } from '../../operations/check/finding.js';
import { CHECK_TITLES } from './human.js';
import { codeSpan, mdHtmlText, mdText, num } from '../common/markdown-text.js';

export const MARKDOWN_LIMIT = 65_536;
const BUDGET = MARKDOWN_LIMIT - 1_024;
const ADDRESS_CAPS = [50, 20, 10, 5, 0];
const ICON = { passed: '✅', warning: '⚠️', failed: '❌' } as const;

const row = (f: CheckFinding): string => `| ${ICON[f.status]} | ${CHECK_TITLES[f.check]} | ${codeSpan(f.object)} | ${mdText(f.summary)} |`;

function details(f: CheckFinding, cap: number): string[] {
  const body: string[] = [];
  if (f.cmdlet) body.push(`Ran ${codeSpan(f.cmdlet)}`, '');
  if (f.detail) body.push(`> ${mdText(f.detail)}`, '');
  for (const [category, list] of Object.entries(f.addresses ?? {})) {
    const shown = list.slice(0, cap);
    const more = list.length - shown.length;
    body.push(`**${mdText(category.replace(/_/g, ' '))}** (${num(list.length)}): ${shown.map(codeSpan).join(', ')}${more > 0 ? `${shown.length ? ', ' : ''}… ${num(more)} more in \`--format json\`` : ''}`, '');
  }
  if (f.hint) body.push(`**What to do:** ${mdText(f.hint)}`, '');
  if (body.length === 0) return [];
  return [`<details><summary>${mdHtmlText(`${f.object}: ${CHECK_TITLES[f.check]}`)}</summary>`, '', ...body, '</details>', ''];
}

function render(report: CheckReport, head: string[], problems: CheckFinding[], passed: CheckFinding[], cap: number, rows: number): string {
  const out = [...head];
  if (problems.length > 0) {
    out.push('| | Check | Object | Result |', '|---|---|---|---|', ...problems.slice(0, rows).map(row));
    if (rows < problems.length) out.push('', `… and ${num(problems.length - rows)} more problems: run \`stagemig check --format json\` for every one.`);
    out.push('');
    for (const f of problems.slice(0, rows)) out.push(...details(f, cap));
  }
  if (passed.length > 0) {
    const list = passed.map((f) => `- ${codeSpan(f.object)} ${mdText(CHECK_TITLES[f.check])}: ${mdText(f.summary)}`);
    out.push(`<details><summary>${num(passed.length)} passed</summary>`, '', ...list, '', '</details>', '');
  }
  for (const k of report.skipped) out.push(`Not checked: ${mdText(`${CHECK_TITLES[k.check]}: ${k.summary}`)}${k.hint ? ` ${mdText(k.hint)}` : ''}`, '');
  out.push(`<sub>${num(report.serviceCalls)} service calls. Changes nothing.</sub>`, '');
  return out.join('\n');
}

export function renderCheckMarkdown(report: CheckReport, opts: { organization: string; backend: string }): string {
  const c = countByStatus(report.findings);
  const verdict = c.failed > 0 ? `${ICON.failed} ${num(c.failed)} failed` : c.warning > 0 ? `${ICON.warning} passed with warnings` : `${ICON.passed} passed`;
  const head = [
    `### stagemig check: ${verdict}`,
    '',
    `${codeSpan(opts.organization)} · ${mdText(opts.backend)} backend · ${num(c.passed)} passed, ${num(c.warning)} warnings, ${num(c.failed)} failed`,
    '',
  ];
  const problems = report.findings.filter((f) => f.status !== 'passed');
  const passedAll = report.findings.filter((f) => f.status === 'passed');
  for (const cap of ADDRESS_CAPS) {
    const text = render(report, head, problems, passedAll, cap, problems.length);
    if (text.length <= BUDGET) return text;
  }
  // Still too long without addresses: fewer rows (and the passed list folded to a count).
  let rows = problems.length;
  let text = render(report, head, problems, [], 0, rows);
  while (text.length > BUDGET && rows > 0) {
    rows = Math.floor(rows * 0.8);
    text = render(report, head, problems, [], 0, rows);
  }
  return text;
}
