// The journey part of the status reports (--format markdown and html), rendered from the journey of the
// status document: per batch its phase on the seed's path, what is next and what it waits for; licence
// alerts; the post-migration steps (seed step 8) once every batch is removed. Same facts as the human
// view (journey-human.ts), in report form.
//
// Must not: print, or show anything of the journey that the status document does not carry.
import { plural } from '../../model/index.js';
import { htmlText as h, mdText } from '../common/markdown-text.js';
import type { LicensesNotRead } from '../../operations/licensing-read.js';
import type { JourneyJson } from './journey-json.js';

export const JOURNEY_TITLE = 'Journey (seed steps 4-8)';
export const POST_MIGRATION_TITLE = 'Post-migration (seed step 8)';
/** Licences not read, and why: never as if none were missing. */
export const LICENSES_NOT_READ: Record<LicensesNotRead, string> = {
  'no-graph': 'Licences: not read (this backend has no Microsoft Graph).',
  'no-license-declared': 'Licences: not read (no batch declares `license`, so stagemig does not sign in to Microsoft Graph); migrated mailboxes may still be unlicensed: the service disables them 30 days after their user was created.',
};

/** The next step as the user runs it: the plan file in place of `<plan>`. */
const nextText = (next: string, planFile: string): string => next.replace('<plan>', planFile);

function licenceLines(j: JourneyJson): { summary: string; alerts: Array<{ severity: 'warning' | 'failed'; text: string; email: string }> } {
  if (!j.licenses) return { summary: LICENSES_NOT_READ[j.licenses_not_read ?? 'no-graph'], alerts: [] };
  const { unlicensed, alerts } = j.licenses;
  const summary = unlicensed === 0
    ? 'Licences: no migrated mailbox is unlicensed.'
    : `Licences: ${plural(unlicensed, 'migrated mailbox is', 'migrated mailboxes are')} unlicensed; the service disables a mailbox 30 days after its user was created.`;
  return {
    summary,
    alerts: alerts.map((a) => ({
      severity: a.severity, email: a.email,
      text: a.severity === 'failed'
        ? `${a.email} (${a.batch}): unlicensed on day ${a.day}, past the 30-day grace: the mailbox is disabled`
        : `${a.email} (${a.batch}): unlicensed on day ${a.day} of 30`,
    })),
  };
}

export function journeyMarkdown(j: JourneyJson, planFile: string): string[] {
  const out = [`### ${JOURNEY_TITLE}`, ''];
  if (j.batches.length === 0) out.push('The plan declares no batches.', '');
  else {
    out.push('| Batch | Phase | Next | Waiting for |', '|---|---|---|---|');
    for (const b of j.batches) out.push(`| ${mdText(b.name)} | ${b.phase} | ${mdText(nextText(b.next, planFile))} | ${b.waiting_for === null ? '—' : mdText(b.waiting_for)} |`);
    out.push('');
  }
  const lic = licenceLines(j);
  out.push(mdText(lic.summary), '');
  if (lic.alerts.length > 0) out.push(...lic.alerts.map((a) => `- **${a.severity === 'failed' ? 'error' : 'warning'}**: ${mdText(a.text)}`), '');
  if (j.all_removed && j.post_migration) {
    out.push(`### ${POST_MIGRATION_TITLE}`, '', 'Every batch is removed.', '', '| Step | State | What |', '|---|---|---|');
    for (const p of j.post_migration) out.push(`| ${mdText(p.step)} | ${p.state} | ${mdText(p.detail)} |`);
    out.push('');
  }
  return out;
}

export function journeyHtml(j: JourneyJson, planFile: string): string {
  const rows = j.batches.map((b) =>
    `<tr data-journey="${h(b.name)}" data-phase="${h(b.phase)}"><td>${h(b.name)}</td><td>${h(b.phase)}</td><td>${h(nextText(b.next, planFile))}</td><td>${b.waiting_for === null ? '—' : h(b.waiting_for)}</td></tr>`);
  const table = j.batches.length === 0
    ? '<p>The plan declares no batches.</p>'
    : `<table class="journey"><thead><tr><th>Batch</th><th>Phase</th><th>Next</th><th>Waiting for</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const lic = licenceLines(j);
  const alerts = lic.alerts.length === 0 ? '' : `<ul>${lic.alerts.map((a) => `<li class="${a.severity}" data-licence="${h(a.email)}">${h(a.text)}</li>`).join('')}</ul>`;
  const post = j.all_removed && j.post_migration
    ? `<h2>${h(POST_MIGRATION_TITLE)}</h2><p>Every batch is removed.</p><table class="post"><thead><tr><th>Step</th><th>State</th><th>What</th></tr></thead><tbody>${
      j.post_migration.map((p) => `<tr data-step="${h(p.step)}" data-state="${h(p.state)}"><td>${h(p.step)}</td><td>${h(p.state)}</td><td>${h(p.detail)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<h2>${h(JOURNEY_TITLE)}</h2>\n${table}\n<p class="licences">${h(lic.summary)}</p>${alerts}${post ? `\n${post}` : ''}`;
}
