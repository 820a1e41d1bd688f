// node dist/bench/pwsh-bridge.js: what the exchange-online backend costs in PowerShell, measured
// against the StagemigSimulator stand-in: pwsh start, module import, connect, and the bridge's
// per-cmdlet overhead over the same cmdlet called bare inside pwsh.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnBridge } from '../src/backends/powershell/bridge-process.js';
import { bridgeScriptPath, pwshCommand, standInModulePath } from '../src/backends/powershell/index.js';
import { pwshEnvironment } from '../src/backends/powershell/pwsh-env.js';
import { createSimulatorBackend } from '../src/backends/simulator/index.js';
import { startSimulatorServer } from '../src/backends/simulator-server/index.js';

const N = Number(process.env.BENCH_CALLS ?? 30);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 3);
const USERS = Number(process.env.BENCH_USERS ?? 2000);
const pwsh = pwshCommand(process.env);
const dir = mkdtempSync(join(tmpdir(), 'stagemig-pwsh-bench-'));
const stateFile = join(dir, 'state.json');

async function seed(): Promise<void> {
  const sim = createSimulatorBackend({ stateFile, now: () => new Date() });
  await sim.run({ cmdlet: 'New-MigrationEndpoint', parameters: {
    Name: 'EP', ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'a@contoso.com',
    Credentials: { credential: { username: 'C\\a', password: 'x' } }, MaxConcurrentMigrations: 20 } });
  const rows = ['EmailAddress', ...Array.from({ length: USERS }, (_, i) => `u${i}@contoso.com`)].join('\r\n');
  await sim.run({ cmdlet: 'New-MigrationBatch', parameters: { Name: 'B', SourceEndpoint: 'EP', CSVData: { bytes: Buffer.from(rows).toString('base64') } } });
}

const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;

/** The same cmdlets called bare in one pwsh, timed inside it (per call, after a warm-up call). */
async function bare(url: string): Promise<Record<string, number>> {
  const script = join(dir, 'bare.ps1');
  writeFileSync(script, [
    `Import-Module '${standInModulePath().replace(/'/g, "''")}'`,
    `Connect-ExchangeOnline -ConnectionUri '${url}' -Organization c.onmicrosoft.com -ShowBanner:$false`,
    '$r = @{}',
    "foreach ($c in @(@('Get-MigrationEndpoint', @{}), @('Get-MigrationUser', @{ ResultSize = 'Unlimited' }))) {",
    '  $null = & $c[0] @($c[1])',
    '  $sw = [Diagnostics.Stopwatch]::StartNew()',
    `  for ($i = 0; $i -lt ${N}; $i++) { $p = $c[1]; $null = & $c[0] @p }`,
    `  $r[$c[0]] = $sw.Elapsed.TotalMilliseconds / ${N}`,
    '}',
    '$r | ConvertTo-Json -Compress',
  ].join('\n'));
  // Asynchronous: the simulator server answering these calls runs in this very process.
  const { stdout } = await promisify(execFile)(pwsh, ['-NoProfile', '-NonInteractive', '-File', script], { encoding: 'utf8' });
  return JSON.parse(stdout) as Record<string, number>;
}

async function main(): Promise<void> {
  await seed();
  const server = await startSimulatorServer({ stateFile, now: () => new Date() });
  try {
    const starts: Array<[number, number, number]> = [];
    let bridge!: ReturnType<typeof spawnBridge>;
    for (let s = 0; s < SESSIONS; s++) {
      if (s > 0) await bridge.end(10_000);
      const t0 = performance.now();
      bridge = spawnBridge({ command: pwsh, args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', bridgeScriptPath()], env: pwshEnvironment(process.env) });
      await bridge.hello;
      const started = ms(t0);
      const t1 = performance.now();
      await bridge.call('Import-Module', { Name: standInModulePath() });
      const imported = ms(t1);
      const t2 = performance.now();
      await bridge.call('Connect-ExchangeOnline', { ConnectionUri: server.url, Organization: 'c.onmicrosoft.com', ShowBanner: false });
      starts.push([started, imported, ms(t2)]);
    }
    const median = (i: number): number => starts.map((x) => x[i]!).sort((a, b) => a - b)[Math.floor(starts.length / 2)]!;
    let t: number;
    const viaBridge: Record<string, number> = {};
    for (const [cmdlet, params] of [['Get-MigrationEndpoint', {}], ['Get-MigrationUser', { ResultSize: 'Unlimited' }]] as const) {
      await bridge.call(cmdlet, params);
      t = performance.now();
      for (let i = 0; i < N; i++) await bridge.call(cmdlet, params);
      viaBridge[cmdlet] = ms(t) / N;
    }
    await bridge.call('Disconnect-ExchangeOnline', { Confirm: false });
    await bridge.end(10_000);
    const bareMs = await bare(server.url);
    console.log(`pwsh ${pwsh}; medians of ${SESSIONS} sessions; ${N} calls each; ${USERS} migration users`);
    console.table({
      'pwsh start (spawn → bridge ready)': { ms: median(0) },
      'Import-Module (stand-in)': { ms: median(1) },
      'Connect-ExchangeOnline (stand-in, no certificate)': { ms: median(2) },
    });
    console.table(Object.fromEntries(Object.keys(viaBridge).map((c) => [c, {
      'bridge ms/call': round(viaBridge[c]!), 'bare ms/call': round(bareMs[c]!), 'overhead ms/call': round(viaBridge[c]! - bareMs[c]!),
    }])));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;

void main();
