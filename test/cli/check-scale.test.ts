// stagemig check at 100 batches × 2,000 mailboxes: a fixed number of service calls, and a markdown
// comment within GitHub's 65,536 characters even when every address has a problem.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.js';
import type { CheckFinding } from '../../src/operations/check/finding.js';
import { MARKDOWN_LIMIT, renderCheckMarkdown } from '../../src/render/check/markdown.js';
import { runCli } from '../helpers/in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('stagemig check at 100 × 2,000', () => {
  it('makes 6 service calls (Exchange Online only: no batch declares `license`, so no Graph read) and keeps the markdown comment within the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagemig-check-scale-'));
    dirs.push(dir);
    generatePlan(dir, 100, 2000);
    // Every 100th mailbox has no mail user; the bench domain is not accepted.
    const missing = Array.from({ length: 100 }, (_, b) => Array.from({ length: 20 }, (_, i) => `  user${b}x${i * 100}@bench.example: missing`)).flat();
    writeFileSync(join(dir, 'scenario.yaml'), ['version: 1', 'acceptedDomains: [other.example]', 'recipients:', ...missing, ''].join('\n'));
    const env = { STAGEMIG_BENCH_PASSWORD: 'bench-only', STAGEMIG_NOW: '2026-01-01T00:00:00Z' };
    expect((await runCli(['simulator', 'faults', 'stagemig.yaml', 'scenario.yaml'], { cwd: dir, env })).exitCode).toBe(0);
    const json = await runCli(['check', 'stagemig.yaml', '--format', 'json'], { cwd: dir, env });
    expect(json.exitCode).toBe(1);
    const doc = JSON.parse(json.stdout) as { service_calls: number; findings: CheckFinding[] };
    expect(doc.service_calls).toBe(6);
    const recipients = doc.findings.filter((f) => f.check === 'recipients');
    expect(recipients).toHaveLength(100);
    expect(recipients.every((f) => f.status === 'failed' && f.addresses?.missing?.length === 20)).toBe(true);
    expect(doc.findings.find((f) => f.object === 'domain.bench.example' && f.check === 'domains')?.addresses?.not_accepted).toHaveLength(200_000);
    const md = await runCli(['check', 'stagemig.yaml', '--format', 'markdown'], { cwd: dir, env });
    expect(md.stdout.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.stdout).toContain('`batch.Wave100`');
    expect(md.stdout).toContain('more in `--format json`');
  }, 180_000);

  it('renders the worst case (every address of 100 batches held by a contact) within the limit', () => {
    const findings: CheckFinding[] = Array.from({ length: 100 }, (_, b) => ({
      check: 'recipients', object: `batch.Wave${String(b + 1).padStart(3, '0')}`, status: 'failed',
      summary: '2,000 addresses: 2,000 held by a mail contact', hint: 'Free the addresses.', counts: { contact: 2000 },
      addresses: { contact: Array.from({ length: 2000 }, (_, u) => `a-rather-long-mailbox-name-${b}-${u}@subsidiary.example.com`) },
    }));
    const text = renderCheckMarkdown({ findings, serviceCalls: 6, skipped: [] }, { organization: 'bench.onmicrosoft.com', backend: 'simulator' });
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text).toContain('`batch.Wave100`');
  });
});
