// Progress for people not at the terminal: heartbeat lines off a terminal, ETA and rate on the bars,
// status reports as markdown and self-contained HTML. In-process, on the simulator.
import { describe, expect, it } from 'vitest';
import { setSimulatorFault } from '../../src/backends/simulator/index.js';
import { planYaml, tempDir } from '../config/helpers.js';
import { runCli } from '../helpers/in-process.js';
import { join } from 'node:path';

const T0 = Date.parse('2026-11-25T09:00:00Z');
const csv = (p: string, k: number) => `EmailAddress\n${Array.from({ length: k }, (_, i) => `${p}${i}@contoso.com`).join('\n')}\n`;
/** Two waves of 300 (20 at a time on one endpoint): about 22 hours of simulated syncing. */
const twoWaves = () => tempDir({ 'plan.yaml': planYaml({ W1: 'w1.csv', W2: 'w2.csv' }), 'w1.csv': csv('a', 300), 'w2.csv': csv('b', 300) });
const fixed = { now: () => new Date(T0) };

const HEARTBEAT = /^(\d{4}-\d\d-\d\d \d\d:\d\d) UTC {2}progress: (\d+)% .*$/;

describe('apply --wait off a terminal', () => {
  it('prints a heartbeat at the interval with per-batch %, counts and an ETA that tracks the observed rate', async () => {
    const r = await runCli(['apply', 'plan.yaml', '--auto-approve', '--wait', '--heartbeat', '1h'], { cwd: twoWaves(), ...fixed });
    expect(r.exitCode).toBe(0);
    const beats = r.stdout.split('\n').filter((l) => HEARTBEAT.test(l));
    const times = beats.map((l) => Date.parse(`${HEARTBEAT.exec(l)![1]}Z`));
    expect(beats.length).toBeGreaterThan(15);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3_600_000);
    const pct = beats.map((l) => Number(HEARTBEAT.exec(l)![2]));
    expect([...pct].sort((a, b) => a - b)).toEqual(pct);
    expect(beats[3]).toMatch(/\(\d+ synced, 0 failed of 600; \d+ active, 0 pending\) ETA \S+ at \d+\/h \| W1 \d+% Syncing \d+\/300, ETA/);
    // The ETA is measured, not assumed: from the fourth hour on, while three hours or more are left, it lands
    // within a third of the time really left.
    const finished = T0 + durationMs(/Converged after (\S+) of simulated time/.exec(r.stdout)![1]!);
    for (const [i, line] of beats.entries()) {
      if (times[i]! - T0 < 4 * 3_600_000 || finished - times[i]! < 3 * 3_600_000) continue;
      const eta = durationMs(/progress: \d+% \([^)]*\) ETA (\S+) at/.exec(line)![1]!);
      expect(Math.abs(times[i]! + eta - finished)).toBeLessThan((finished - times[i]!) / 3);
    }
    const sparse = await runCli(['apply', 'plan.yaml', '--auto-approve', '--wait', '--heartbeat', '4h'], { cwd: twoWaves(), ...fixed });
    expect(sparse.stdout.split('\n').filter((l) => HEARTBEAT.test(l)).length).toBeLessThan(beats.length / 2);
  }, 120_000);

  it('on a terminal, the bars show the rate and the ETA', async () => {
    const r = await runCli(['apply', 'plan.yaml', '--auto-approve', '--wait'], { cwd: twoWaves(), ...fixed, isTTY: true });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Waiting for the migration service \([^)]*so far; ETA \S+ at \d+\/h\):\n {2}W1 {2}\[#*-*\] +\d+% {2}Syncing {2}\d+\/300 synced, 0 failed, ETA \S+ at \d+\/h/);
    expect(r.stdout).not.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}progress:/m);
  }, 120_000);
});

function durationMs(text: string): number {
  const units: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
  let ms = 0;
  for (const [, v, u] of text.matchAll(/(\d+)([dhms])/g)) ms += Number(v) * units[u!]!;
  return ms;
}

async function midway(): Promise<string> {
  const cwd = twoWaves();
  await setSimulatorFault(join(cwd, '.stagemig', 'simulator.json'), { failMailboxes: { 'a7@contoso.com': 'MigrationRecipientNotFoundException: no recipient' } });
  expect((await runCli(['apply', 'plan.yaml', '--auto-approve'], { cwd, ...fixed })).exitCode).toBe(0);
  expect((await runCli(['simulator', 'advance', 'plan.yaml', '5h'], { cwd, ...fixed })).exitCode).toBe(0);
  return cwd;
}

describe('status reports', () => {
  it('--watch off a terminal prints a heartbeat line at the interval even when nothing changed', async () => {
    const cwd = await midway();
    let wall = T0;
    let reads = 0;
    let interrupt = (): void => {};
    const r = await runCli(['status', 'plan.yaml', '--watch', '--interval', '1m', '--heartbeat', '3m'], {
      cwd, now: () => new Date(wall),
      sleep: async (ms) => {
        wall += ms;
        if (++reads === 7) interrupt();
      },
      onInterrupt: (cb) => ((interrupt = cb), () => {}),
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/Migration status of/g)).toHaveLength(1); // the simulated clock stood still: nothing changed
    const beats = r.stdout.split('\n').filter((l) => / {2}progress: \d+% /.test(l));
    expect(beats).toHaveLength(3); // reads at 0, 1, …, 6 minutes: heartbeats at 0, 3 and 6
    expect(beats[0]).toMatch(/progress: \d+% \(\d+ synced, 1 failed of 600; \d+ active, 0 pending\) ETA \S+ at \d+\/h \| W1 \d+% Syncing/);
  });

  it('--format markdown: a table per batch with ETA, what waits and the failures', async () => {
    const cwd = await midway();
    const json = JSON.parse((await runCli(['status', 'plan.yaml', '--format', 'json'], { cwd })).stdout);
    const w1 = json.batches[0];
    expect(w1.estimate.rate_per_hour).toBeGreaterThan(0);
    const r = await runCli(['status', 'plan.yaml', '--format', 'markdown'], { cwd });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('## Migration status');
    expect(r.stdout).toMatch(new RegExp(`\\| W1 \\| Syncing \\| \\d+% \\| ${w1.counts.synced} \\| 1 \\| ${w1.counts.active} \\| 0 \\| 300 \\| ETA \\S+ \\(about .* UTC\\) at \\d+/h \\|`));
    expect(r.stdout).toContain('### Failures\n\n- `a7@contoso.com` (W1): MigrationRecipientNotFoundException: no recipient');
  });

  it('--format markdown and html say what waits: a held batch and one not created yet', async () => {
    const cwd = tempDir({ 'plan.yaml': `${planYaml({ W1: 'w1.csv' })}  Held:\n    endpoint: StagedEndpoint\n    csv: w2.csv\n    state: stopped\n`, 'w1.csv': csv('a', 5), 'w2.csv': csv('b', 5) });
    const md = await runCli(['status', 'plan.yaml', '--format', 'markdown'], { cwd });
    expect(md.stdout).toContain('### What waits\n\n- **Held**: not created yet: stagemig apply creates it\n- **W1**: not created yet');
    await runCli(['apply', 'plan.yaml', '--auto-approve'], { cwd });
    const html = await runCli(['status', 'plan.yaml', '--format', 'html'], { cwd });
    expect(html.stdout).toContain('<li data-waits="Held"><strong>Held</strong>: held: state is stopped in the plan</li>');
  });

  it('--format html is one self-contained page: inline style and SVG, no script, nothing fetched', async () => {
    const cwd = await midway();
    const r = await runCli(['status', 'plan.yaml', '--format', 'html'], { cwd });
    expect(r.exitCode).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|href=/i);
    expect(html.match(/<figure class="wave"/g)).toHaveLength(2);
    expect(html).toContain('<tr data-failed="a7@contoso.com"><td>a7@contoso.com</td><td>W1</td><td>Failed</td>');
  });

  it('refuses --watch with a report format, and an unknown format', async () => {
    const cwd = twoWaves();
    const w = await runCli(['status', 'plan.yaml', '--format', 'html', '--watch'], { cwd });
    expect(w.exitCode).toBe(1);
    expect(w.stderr).toContain('--watch prints to a terminal or a log; --format html is a report of one reading');
    const bad = await runCli(['status', 'plan.yaml', '--format', 'pdf'], { cwd });
    expect(bad.stderr).toContain('Use --format human, --format json, --format markdown, --format html.');
  });
});
