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
      fullPlanPointer: '`stagemig show plan.json --full`',
    });
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    for (const b of d.batches) expect(md).toContain(`batch.${b.name}`);
    expect(md).toMatch(/more mailboxes not shown\./);
    expect(md).toContain('The full plan: `stagemig show plan.json --full`.');
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

  it('shares the budget fairly: short lists stay whole, long ones are cut, every section gets room', () => {
    const many = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}@x.com`);
    const d = desired([batch('Big', many('big', 2000)), batch('Small', many('small', 30))]);
    const unmanaged = Array.from({ length: 400 }, (_, i) => liveBatch(`Other${String(i).padStart(3, '0')}`, 'Stopped', { totalCount: 1 }));
    const md = renderMarkdownPlan(toPlanDocument(buildPlan(d, live({ batches: unmanaged })), meta), { maxLength: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md.length).toBeGreaterThan(18_000); // the budget is used, not left empty
    for (const e of many('small', 30)) expect(md).toContain(`+ ${e}\n`);
    const bigShown = many('big', 2000).filter((e) => md.includes(`+ ${e}\n`)).length;
    const otherShown = unmanaged.filter((b) => md.includes(`- batch.${b.name} (Stopped`)).length;
    expect(bigShown).toBeGreaterThan(100);
    expect(otherShown).toBeGreaterThan(100);
    expect(Math.abs(bigShown * 'big0000@x.com'.length - otherShown * '- batch.Other000 (Stopped, 1 mailbox)'.length)).toBeLessThan(3_000);
    expect(md).toContain(`… ${(2000 - bigShown).toLocaleString('en-US')} more mailboxes not shown.`);
    expect(md).toContain(`- … and ${400 - otherShown} more (see \`stagemig plan stagemig.yaml --out plan.json\`, then \`stagemig show plan.json --full\`)`);
  });
});
