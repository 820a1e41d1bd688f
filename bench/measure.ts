// Child process of the benchmark: runs one phase in-process and prints its own figures as JSON.
import { performance } from 'node:perf_hooks';
import { loadPlan } from '../src/config/index.js';
import { createSimulatorBackend, emptyState, invokeCmdlet, saveState } from '../src/backends/simulator/index.js';
import { buildPlan } from '../src/plan/index.js';
import { renderHumanPlan } from '../src/render/plan/human-plan.js';
import { toPlanDocument } from '../src/render/plan/json-plan.js';
import { materialize } from '../src/apply/index.js';
import { runChecks } from '../src/operations/check/run-check.js';
import { renderCheckMarkdown } from '../src/render/check/markdown.js';

const [phase, planPath] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { desired, diagnostics } = await loadPlan(planPath, { cwd: process.cwd() });
if (!desired) throw new Error(`bench plan invalid: ${diagnostics.map((d) => d.summary).join('; ')}`);
let reads = 0;
let steps = 0;
let outputBytes = 0;
let checkFindings: number | undefined;
if (phase !== 'validate') {
  if (desired.backend.type !== 'simulator') throw new Error('bench needs the simulator');
  const onPremisesAddresses = desired.batches.flatMap((b) => b.users.map((u) => u.email));
  const backend = createSimulatorBackend({
    stateFile: desired.backend.stateFile, now: () => new Date('2026-01-01T00:00:00Z'), organization: desired.organization, onPremisesAddresses,
  });
  if (phase === 'check') {
    // stagemig check: every check, reads included (runChecks reads the live state itself).
    const report = await runChecks({ env: { STAGEMIG_BENCH_PASSWORD: 'bench-only' }, clock: { now: () => new Date('2026-01-01T00:00:00Z') } }, desired, backend, { targets: [] });
    checkFindings = report.findings.length;
    outputBytes = Buffer.byteLength(renderCheckMarkdown(report, { organization: desired.organization, backend: 'simulator' }));
  }
  const live = await backend.readLive();
  const plan = buildPlan(desired, live);
  steps = plan.steps.length;
  if (phase === 'plan') outputBytes = Buffer.byteLength(renderHumanPlan(toPlanDocument(plan, { toolVersion: 'bench', createdAt: null, planFile: planPath, backend: null }), { color: false }));
  if (phase === 'apply') {
    // Setup only: run the steps on the engine in memory and save once (the CLI saves after every step).
    const env = { STAGEMIG_BENCH_PASSWORD: 'bench-only' };
    let state = emptyState(new Date('2026-01-01T00:00:00Z'));
    for (const step of plan.steps) {
      const outcome = invokeCmdlet(state, materialize(step, desired, env), { inPlace: true });
      if (!outcome.result.ok) throw new Error(`bench apply failed: ${outcome.result.error}`);
      state = outcome.state;
    }
    await saveState(desired.backend.stateFile, state);
  }
  reads = backend.readCalls - (phase === 'check' ? 3 : 0); // check: without the plan's own readLive below
  if (checkFindings !== undefined) steps = checkFindings; // for check: the number of findings
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({
  phase,
  wallMs: Math.round(performance.now() - t0),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  reads,
  steps,
  outputBytes,
}) + '\n');
