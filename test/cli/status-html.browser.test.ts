// The HTML status report in a real browser: Debian's Chromium, headless, driven by playwright-core
// (which never downloads a browser). It must render, its chart must show the simulator's numbers, and
// a screenshot is kept as a test artifact. Chromium is required: .ci/run installs it, and this test
// fails (never skips) when it is missing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setSimulatorFault } from '../../src/backends/simulator/index.js';
import { planYaml, tempDir } from '../config/helpers.js';
import { runCli } from '../helpers/in-process.js';

const CHROMIUM = process.env.STAGEMIG_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(__dirname, '../../test-artifacts');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const csv = (p: string, k: number) => `EmailAddress\n${Array.from({ length: k }, (_, i) => `${p}${i}@contoso.com`).join('\n')}\n`;

interface BatchJson { name: string; counts: { total: number; synced: number; failed: number; active: number; pending: number } | null }
interface JourneyJson { batches: Array<{ name: string; phase: string; next: string; waiting_for: string | null }> }

describe('status --format html in headless Chromium', () => {
  it('renders, its chart shows the simulator numbers, and a screenshot is saved', async () => {
    expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`).toBe(true);
    const cwd = tempDir({ 'plan.yaml': planYaml({ Wave1: 'w1.csv', Wave2: 'w2.csv' }), 'w1.csv': csv('a', 300), 'w2.csv': csv('b', 120) });
    await setSimulatorFault(join(cwd, '.stagemig', 'simulator.json'), { failMailboxes: { 'a3@contoso.com': 'MigrationRecipientNotFoundException: no recipient' } });
    const now = { now: () => new Date('2026-11-25T09:00:00Z') };
    expect((await runCli(['apply', 'plan.yaml', '--auto-approve'], { cwd, ...now })).exitCode).toBe(0);
    expect((await runCli(['simulator', 'advance', 'plan.yaml', '6h'], { cwd, ...now })).exitCode).toBe(0);
    const html = await runCli(['status', 'plan.yaml', '--format', 'html'], { cwd, ...now });
    const json = JSON.parse((await runCli(['status', 'plan.yaml', '--format', 'json'], { cwd, ...now })).stdout) as { batches: BatchJson[]; journey: JourneyJson };
    expect(html.exitCode).toBe(0);
    const page = join(mkdtempSync(join(tmpdir(), 'stagemig-html-')), 'status.html');
    writeFileSync(page, html.stdout);

    const profile = mkdtempSync(join(tmpdir(), 'stagemig-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 900, height: 900 } });
    try {
      const tab = await browser.newPage();
      const requests: string[] = [];
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.title()).toBe('Migration status: contoso.onmicrosoft.com');
      expect(requests).toEqual([pathToFileURL(page).href]); // self-contained: nothing else is fetched

      for (const b of json.batches) {
        const c = b.counts!;
        const wave = tab.locator(`figure.wave[data-batch="${b.name}"]`);
        await expect(wave.locator('strong').textContent()).resolves.toBe(b.name);
        const chart = (await wave.locator('svg.chart').boundingBox())!;
        expect(chart.width).toBeGreaterThan(300);
        const queued = c.total - c.synced - c.failed - c.active - c.pending;
        for (const [part, count] of Object.entries({ synced: c.synced, failed: c.failed, active: c.active, pending: c.pending, queued })) {
          const rect = wave.locator(`rect[data-part="${part}"]`);
          expect(await rect.getAttribute('data-count')).toBe(String(count));
          const box = await rect.boundingBox();
          const width = box?.width ?? 0; // a zero-width rect has no box
          expect(Math.abs(width - (chart.width * count) / c.total)).toBeLessThan(1.5);
          expect(await wave.locator(`[data-legend="${part}"]`).innerText()).toBe(`${count.toLocaleString('en-US')} ${part}`);
        }
      }
      const wave1 = json.batches.find((b) => b.name === 'Wave1')!.counts!;
      expect(wave1.synced).toBeGreaterThan(0);
      expect(wave1.failed).toBe(1);
      expect(await tab.locator('tr[data-failed="a3@contoso.com"]').isVisible()).toBe(true);

      // The journey (issue 10 item 5) from the same document: a row per batch with its phase, next step and wait.
      await expect(tab.locator('h2', { hasText: 'Journey (seed steps 4-8)' }).isVisible()).resolves.toBe(true);
      for (const j of json.journey.batches) {
        const row = tab.locator(`table.journey tr[data-journey="${j.name}"]`);
        expect(await row.isVisible()).toBe(true);
        expect(await row.locator('td').allInnerTexts()).toEqual([j.name, j.phase, j.next.replace('<plan>', 'plan.yaml'), j.waiting_for ?? '—']);
      }
      expect(json.journey.batches.map((j) => j.phase)).toEqual(['migrating', 'migrating']);
      await expect(tab.locator('p.licences').innerText()).resolves.toMatch(/^Licences: /);

      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = join(ARTIFACTS, 'status-report.png');
      await tab.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
