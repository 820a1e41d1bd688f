// npm run bench: validate and plan 100 batches × 2,000 mailboxes against an empty and a fully applied simulator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const PER_BATCH = Number(process.env.BENCH_MAILBOXES ?? 2000);
const measureScript = join(dirname(fileURLToPath(import.meta.url)), 'measure.js');

interface Figures {
  wallMs: number;
  cpuMs: number;
  peakRssMB: number;
  reads: number;
  steps: number;
}

function measure(phase: string, planPath: string): Figures {
  const out = execFileSync(process.execPath, [measureScript, phase, planPath], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Figures;
}

const dir = mkdtempSync(join(tmpdir(), 'stagemig-bench-'));
try {
  const planPath = generatePlan(dir, BATCHES, PER_BATCH);
  console.log(`stagemig bench: ${BATCHES} batches × ${PER_BATCH} mailboxes = ${BATCHES * PER_BATCH} mailboxes (${dir})`);
  const rows = [
    { label: 'validate', ...measure('validate', planPath) },
    { label: 'plan (empty simulator)', ...measure('plan', planPath) },
    { label: 'check (empty simulator)', ...measure('check', planPath) },
  ];
  const setup = measure('apply', planPath);
  console.log(`(setup: applied ${setup.steps} steps in ${setup.wallMs} ms, not part of the budget)`);
  rows.push({ label: 'plan (fully applied)', ...measure('plan', planPath) });
  rows.push({ label: 'check (fully applied)', ...measure('check', planPath) });
  console.table(rows.map(({ label, wallMs, cpuMs, peakRssMB, reads, steps }) => ({ phase: label, wallMs, cpuMs, peakRssMB, reads, steps })));
  const planRows = rows.filter((r) => r.label.startsWith('plan'));
  const checkReads = new Set(rows.filter((r) => r.label.startsWith('check')).map((r) => r.reads));
  console.log(`check: ${[...checkReads].join(', ')} service calls (reads + one Test-MigrationServerAvailability per endpoint), whatever the size.`);
  const over = planRows.filter((r) => Number(r.wallMs) > 2000 || Number(r.peakRssMB) > 400);
  console.log(over.length === 0 ? 'Within budget: plan < 2 s wall and < 400 MB peak.' : `Over budget: ${over.map((r) => r.label).join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
