// The journey part of `stagemig status` for the terminal: a line per batch with its phase on the seed's
// path, what is next and what it waits for; licence alerts; the post-migration list. Pure.
// Must not: read files, the service, DNS or the clock: the journey comes in built (operations/status/journey.ts).
import { createColors } from 'picocolors';
import type { Journey } from '../../operations/status/journey.js';
import { plural } from '../../model/plural.js';
import { table } from './status-human.js';
import { forTerminal } from '../common/safe-text.js';
import { LICENSES_NOT_READ } from './journey-report.js';

export function renderJourneyHuman(journey: Journey, opts: { color: boolean; planPath: string }): string {
  const j = forTerminal(journey);
  const pc = createColors(opts.color);
  const out: string[] = ['', pc.bold('Journey (seed steps 4-8):')];
  const rows = [['BATCH', 'PHASE', 'NEXT', 'WAITING FOR']];
  for (const b of j.batches) rows.push([b.name, b.phase, b.next.replace('<plan>', opts.planPath), b.waitingFor ?? '-']);
  out.push(...table(rows));
  if (j.licenses) {
    const { unlicensed, alerts } = j.licenses;
    const failed = alerts.filter((a) => a.severity === 'failed');
    const warned = alerts.filter((a) => a.severity === 'warning');
    if (unlicensed > 0) out.push('', `Licences: ${plural(unlicensed, 'migrated mailbox is', 'migrated mailboxes are')} unlicensed; the service disables a mailbox 30 days after its user was created.`);
    for (const a of failed) out.push(pc.red(`  error: ${a.email} (${a.batch}): unlicensed on day ${a.day}, past the 30-day grace: the mailbox is disabled`));
    for (const a of warned) out.push(pc.yellow(`  warning: ${a.email} (${a.batch}): unlicensed on day ${a.day} of 30`));
  } else {
    out.push('', LICENSES_NOT_READ[j.licensesNotRead ?? 'no-graph']);
  }
  if (j.allRemoved && j.post) {
    out.push('', pc.bold('Every batch is removed. Post-migration (seed step 8):'));
    out.push(...table([['STEP', 'STATE', 'WHAT'], ...j.post.map((p) => [p.step, p.state, p.detail])]));
  }
  return `${out.join('\n')}\n`;
}
