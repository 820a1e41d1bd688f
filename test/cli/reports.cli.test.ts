// Built-CLI smoke tests of plan, apply and status, in the forms issue 11 added: plan --full, apply --wait
// --heartbeat off a terminal, status --format markdown (and --format html in-process). Behaviour is
// tested in-process elsewhere; the other commands' smoke tests are listed in smoke.cli.test.ts.
import { describe, expect, it } from 'vitest';
import { copyExample, stagemig } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

describe('built CLI: readable plans and progress reports', () => {
  it('plan --full, apply --wait --heartbeat, status --format markdown|html', async () => {
    const cwd = copyExample();
    const plan = await stagemig(['plan', 'stagemig.yaml', '--full'], { cwd });
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toMatch(/^Batches \(3 batches change\):/);
    expect(plan.stdout).toContain('Mailboxes: 30 to add, 0 to remove, 0 to move.');

    const apply = await stagemig(['apply', 'stagemig.yaml', '--auto-approve', '--wait', '--heartbeat', '30m'], { cwd });
    expect(apply.exitCode).toBe(0);
    expect(apply.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}progress: \d+% \(\d+ synced, 0 failed of 30;/m);

    const md = await stagemig(['status', 'stagemig.yaml', '--format', 'markdown'], { cwd });
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toContain('| StagedBatch1 | Synced | 100% | 10 | 0 | 0 | 0 | 10 | — |');
    expect(md.stdout).toContain('- **StagedBatch3**: held: state is stopped in the plan');

    const html = await runCli(['status', 'stagemig.yaml', '--format', 'html'], { cwd });
    expect(html.exitCode).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<figure class="wave" data-batch="StagedBatch1" data-total="10">');
  }, 120_000);
});
