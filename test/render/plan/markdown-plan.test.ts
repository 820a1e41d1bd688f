import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../bench/generate.js';
import { loadPlan } from '../../../src/config/index.js';
import type { LiveState } from '../../../src/model/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import { toPlanDocument } from '../../../src/render/plan/json-plan.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdownPlan } from '../../../src/render/plan/markdown-plan.js';
import { batch, desired, live, liveBatch, liveUsers } from '../../helpers/states.js';

const meta = { toolVersion: '0.1.0', createdAt: '2026-01-02T03:04:05.000Z', planFile: 'stagemig.yaml', backend: { type: 'simulator', organization: 'bench.onmicrosoft.com' } };

async function generated(batches: number, perBatch: number) {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-md-'));
  const { desired: d } = await loadPlan(generatePlan(dir, batches, perBatch), { cwd: dir });
  if (!d) throw new Error('generated plan did not load');
  return d;
}

describe('renderMarkdownPlan', () => {
  it('has a summary table, a warning for removals and stops, one <details> per batch, unmanaged objects', () => {
    const d = desired([batch('A', ['a1@x.com']), batch('S', ['s@x.com'], { state: 'stopped' }), batch('New', ['n@x.com'])]);
    const l = live({
      batches: [liveBatch('A', 'Synced'), liveBatch('S', 'Syncing'), liveBatch('Old', 'Stopped', { totalCount: 2 })],
      users: [...liveUsers('A', ['a1@x.com', 'gone@x.com']), ...liveUsers('S', ['s@x.com'])],
    });
    const md = renderMarkdownPlan(toPlanDocument(buildPlan(d, l), meta));
    expect(md).toContain('| Resource | Action | Lifecycle | Added | Removed | Moved in / out | Status now |');
    expect(md).toContain('| batch.New | create | start | 1 |  |  |  |');
    expect(md).toContain('> [!WARNING]');
    expect(md).toContain('> - `batch.S` will be stopped');
    expect(md).toContain('> - `batch.A`: 1 mailbox removed from the batch');
    expect(md.match(/<details>/g)).toHaveLength(3);
    expect(md).toContain('```diff\n- gone@x.com\n```');
    expect(md).toContain('### Unmanaged objects');
    expect(md).toContain('- batch.Old (Stopped, 2 mailboxes)');
  });

  it('has no warning when nothing is removed or stopped, and says when nothing changes', () => {
    const created = renderMarkdownPlan(toPlanDocument(buildPlan(desired([batch('N', ['n@x.com'])]), live()), meta));
    expect(created).not.toContain('[!WARNING]');
    const none = renderMarkdownPlan(toPlanDocument(buildPlan(desired([]), live()), meta));
    expect(none).toContain('**No changes.** The migration service matches the plan.');
  });

  it('lists drifted objects in their own section', () => {
    const plan = { ...buildPlan(desired([]), live()), drift: [{ address: 'batch.A', kind: 'status' as const, summary: 'stopped in the admin center', expected: 'Syncing', actual: 'Stopped' }] };
    const md = renderMarkdownPlan(toPlanDocument(plan, meta));
    expect(md).toContain('### Drift: changes made outside stagemig');
    expect(md).toContain('| batch.A | status | stopped in the admin center | `Syncing` | `Stopped` |');
  });

  it('escapes markdown and HTML in names and values', () => {
    const md = renderMarkdownPlan(toPlanDocument(buildPlan(desired([batch('a|b<i>', ['x@x.com'], { notificationEmails: ['p|q@x.com'] })]), live()), meta));
    expect(md).toContain('| batch.a\\|b&lt;i&gt; | create |');
    expect(md).toContain('<summary><code>batch.a|b&lt;i&gt;</code>');
    expect(md).toContain('`p\\|q@x.com`');
  });

  it('keeps a 100-batch × 2,000-mailbox plan under 65,536 characters and names every batch', async () => {
    const d = await generated(100, 2000);
    const md = renderMarkdownPlan(toPlanDocument(buildPlan(d, { endpoints: [], batches: [], users: [] }), meta), {
      jsonPointer: '`stagemig show plan.json --format json`',
    });
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    for (const b of d.batches) expect(md).toContain(`batch.${b.name}`);
    expect(md).toMatch(/more mailboxes not shown\./);
    expect(md).toContain('Every mailbox and cmdlet is in the JSON plan: `stagemig show plan.json --format json`.');
  });

  it('stays within budget when every batch swaps all 2,000 mailboxes (200,000 removal cmdlets)', async () => {
    const d = await generated(100, 2000);
    const l: LiveState = {
      endpoints: [],
      batches: d.batches.map((b) => liveBatch(b.name, 'Synced', { endpoint: 'BenchEndpoint' })),
      users: d.batches.flatMap((b) => liveUsers(b.name, b.users.map((u) => `old.${u.email}`))),
    };
    const md = renderMarkdownPlan(toPlanDocument(buildPlan(d, l), meta));
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    for (const b of d.batches) expect(md).toContain(`batch.${b.name}`);
    expect(md).toContain('> [!WARNING]');
  });
});
