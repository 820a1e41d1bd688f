// The status view on its own (render/status/status-output.ts): what a reading prints in each format, and
// --watch's rules: a redrawn screen on a terminal, only changes and a heartbeat off one.
import { describe, expect, it } from 'vitest';
import { createProgressRows } from '../../../src/apply/progress-rows.js';
import { batchProgress } from '../../../src/apply/wait-progress.js';
import type { LiveState } from '../../../src/model/index.js';
import { buildJourney } from '../../../src/operations/status/journey.js';
import type { StatusReading } from '../../../src/operations/status/status.js';
import { createStatusView, renderStatusReading } from '../../../src/render/status/status-output.js';
import { batch, desired, live, liveBatch, liveUsers } from '../../helpers/states.js';

const d = desired([batch('W1', ['a@x.com', 'b@x.com'])]);
const T0 = Date.parse('2026-06-01T09:00:00Z');

function reading(l: LiveState, minutes: number): StatusReading {
  const at = new Date(T0 + minutes * 60_000);
  return {
    desired: d, live: l, observedAt: at, readAt: at, estimates: createProgressRows()(batchProgress(d, l), at.getTime()),
    journey: buildJourney(d, l, undefined, at), allUsers: false, planFileShown: 'plan.yaml', failed: false,
  };
}
const syncing = live({ batches: [liveBatch('W1', 'Syncing', { totalCount: 2, activeCount: 2 })], users: liveUsers('W1', ['a@x.com', 'b@x.com'], 'Syncing') });
const synced = live({ batches: [liveBatch('W1', 'Synced', { totalCount: 2, syncedCount: 2 })], users: liveUsers('W1', ['a@x.com', 'b@x.com']) });

function capture() {
  const out: string[] = [];
  return { out, streams: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(`ERR:${t}`) } };
}

describe('status view', () => {
  it('renders one reading in every format from the same facts', () => {
    const r = reading(syncing, 0);
    expect(renderStatusReading(r, { format: 'human', color: false })).toMatch(/Journey \(seed steps 4-8\):\n.*\n {2}W1 +migrating +wait for the initial sync/);
    const doc = JSON.parse(renderStatusReading(r, { format: 'json', color: false })) as { journey: { batches: Array<{ phase: string }> } };
    expect(doc.journey.batches[0]!.phase).toBe('migrating');
    expect(renderStatusReading(r, { format: 'json', color: false, compact: true }).split('\n')).toHaveLength(2);
    expect(renderStatusReading(r, { format: 'markdown', color: false })).toContain('| W1 | migrating | wait for the initial sync (stagemig status --watch) | 0 of 2 mailboxes Synced |');
    expect(renderStatusReading(r, { format: 'html', color: false })).toContain('<tr data-journey="W1" data-phase="migrating">');
  });

  it('--watch on a terminal clears the screen and redraws every reading, with how to stop', () => {
    const { out, streams } = capture();
    const view = createStatusView(streams, { format: 'human', color: false, isTTY: true, watch: { intervalMs: 10_000 } });
    view.reading(reading(syncing, 0));
    view.reading(reading(syncing, 1));
    expect(out).toHaveLength(2);
    for (const text of out) {
      expect(text.startsWith('\x1b[H\x1b[2J')).toBe(true);
      expect(text.endsWith('\n(every 10s; Ctrl-C to stop)\n')).toBe(true);
    }
  });

  it('--watch off a terminal prints a reading only when it changed, and a heartbeat at its interval', () => {
    const { out, streams } = capture();
    const view = createStatusView(streams, { format: 'human', color: false, isTTY: false, watch: { intervalMs: 60_000, heartbeatMs: 3 * 60_000 } });
    for (const [l, minute] of [[syncing, 0], [syncing, 1], [syncing, 2], [syncing, 3], [synced, 4]] as const) view.reading(reading(l, minute));
    const snapshots = out.filter((t) => t.includes('Migration status of'));
    const beats = out.filter((t) => / {2}progress: \d+% /.test(t));
    expect(snapshots).toHaveLength(2); // the first reading, then the change to Synced
    expect(beats).toHaveLength(2); // minute 0 and minute 3
    expect(out.join('')).not.toContain('\x1b[');
  });

  it('--watch --format json writes one compact document per changed reading', () => {
    const { out, streams } = capture();
    const view = createStatusView(streams, { format: 'json', color: false, isTTY: true, watch: { intervalMs: 60_000 } });
    view.reading(reading(syncing, 0));
    view.reading(reading(syncing, 1));
    view.reading(reading(synced, 2));
    expect(out).toHaveLength(2);
    for (const line of out) expect(line.trimEnd().includes('\n')).toBe(false);
  });

  it('prints the plan warnings on stderr and nothing when there are none', () => {
    const { out, streams } = capture();
    const view = createStatusView(streams, { format: 'human', color: false, isTTY: false });
    view.loaded([]);
    expect(out).toEqual([]);
    view.loaded([{ severity: 'warning', code: 'USAGE', summary: 'heads up' }]);
    expect(out[0]).toMatch(/^ERR:.*heads up/);
  });
});
