// What apply prints for people: each step as it starts and ends, the approval prompt, and the closing report.
//
// Must not: run steps or read the clock; data in, text out.
import { createColors } from 'picocolors';
import type { Step } from '../../model/index.js';
import type { ApplyOutcome } from '../../apply/index.js';
import { waitsForNothing, waitsOnAdmin, type Plan } from '../../plan/index.js';
import { formatStep } from '../plan/cmdlet-text.js';
import { termText } from '../common/safe-text.js';

type Opts = { color: boolean };

export const renderStepStart = (step: Step, index: number, total: number, o: Opts): string =>
  `${createColors(o.color).bold(`[${index + 1}/${total}] ${termText(step.address)}`)}: ${termText(formatStep(step))}\n`;

export function renderStepDone(warnings: readonly string[], o: Opts): string {
  const pc = createColors(o.color);
  return [pc.green('        done'), ...warnings.map((w) => pc.yellow(`        warning from the service: ${termText(w)}`))].join('\n') + '\n';
}

export const renderStepFailed = (error: string, o: Opts): string =>
  createColors(o.color).red(`        failed: ${termText(error)}`) + '\n';

export const APPLY_PROMPT =
  '\nDo you want to perform these actions?\n  stagemig will run the cmdlets above, in order.\n  Only \'yes\' will be accepted to approve.\n\n  Enter a value: ';

const list = (steps: readonly Step[], offset: number): string[] =>
  steps.map((s, i) => `    ${offset + i + 1}. ${s.cmdlet} (${termText(s.address)})`);

/** The closing report: what ran, what did not, and what to do next. */
export function renderApplySummary(result: ApplyOutcome, plan: Plan, o: Opts): string {
  const outcome = { ...result, ...(result.failed ? { failed: { ...result.failed, error: termText(result.failed.error) } } : {}),
    ...(result.stopped ? { stopped: { ...result.stopped, error: termText(result.stopped.error) } } : {}) };
  const pc = createColors(o.color);
  const uncertain = outcome.stopped?.uncertain;
  const total = outcome.ran.length + (outcome.failed || uncertain ? 1 : 0) + outcome.notRun.length;
  if (!outcome.failed && !outcome.interrupted && !outcome.stopped) {
    const { add, change, remove } = plan.summary;
    const waiting = plan.changes.filter((c) => c.notes.length > 0 && !waitsForNothing(c));
    // What moves on by itself, as the plan labels it: the service, removal gates that open with time.
    const byItself = waiting.filter((c) => !waitsOnAdmin(c));
    const on = [byItself.some((c) => c.waitsFor !== 'gates') && 'the migration service', byItself.some((c) => c.waitsFor === 'gates') && 'removal gates'];
    return [
      '',
      pc.green(pc.bold(`Apply complete! ${outcome.ran.length} cmdlets run. Resources: ${add} added, ${change} changed, ${remove} removed.`)),
      ...(byItself.length > 0 ? [`Some changes wait on ${on.filter(Boolean).join(' and ')} (see the notes above); run \`stagemig plan\` again later.`] : []),
      ...(waiting.some(waitsOnAdmin) ? ['Some changes need your decision (see the notes above): they will not change by themselves.'] : []),
    ].join('\n') + '\n';
  }
  const out = [''];
  out.push(pc.red(pc.bold(outcome.failed
    ? `Apply failed at step ${outcome.ran.length + 1} of ${total}: ${outcome.failed.error}`
    : outcome.stopped
      ? `Apply stopped ${uncertain ? `at step ${outcome.ran.length + 1}` : outcome.ran.length === 0 ? 'before step 1' : `after step ${outcome.ran.length}`} of ${total}: ${outcome.stopped.error}`
      : `Apply interrupted after step ${outcome.ran.length} of ${total}.`)));
  if (outcome.ran.length > 0) out.push('  Steps that ran:', ...list(outcome.ran, 0));
  if (outcome.failed) out.push('  Step that failed (the service made no change for it):', ...list([outcome.failed.step], outcome.ran.length));
  if (uncertain) out.push('  Step whose effect is unknown (the service may or may not have made the change):', ...list([uncertain], outcome.ran.length));
  if (outcome.notRun.length > 0) out.push('  Steps not run:', ...list(outcome.notRun, total - outcome.notRun.length));
  out.push('Run `stagemig plan` to see the service as it is now; `stagemig apply` again continues from there.');
  return out.join('\n') + '\n';
}
