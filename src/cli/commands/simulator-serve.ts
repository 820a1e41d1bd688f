// `stagemig simulator serve <plan.yaml> [--port N]`: the simulator over HTTP on 127.0.0.1, for the
// StagemigSimulator PowerShell module (real pwsh rehearsals of the exchange-online backend and of runbooks).
import { dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { standInModulePath } from '../../backends/powershell/index.js';
import { startSimulatorServer } from '../../backends/simulator-server/index.js';
import { DEFAULT_STATE_LOCK, type OnPremises } from '../../backends/simulator/index.js';
import { loadPlan } from '../../config/index.js';
import { hasErrors, StagemigError } from '../../diag/index.js';
import { renderDiagnostics } from '../../render/common/diagnostics.js';
import { quotePs } from '../../render/runbook/powershell-quote.js';
import type { CommandContext } from '../program.js';

interface ServeOptions {
  port?: number;
  stateFile?: string;
  quiet?: boolean;
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535) throw new InvalidArgumentError('a TCP port is a whole number from 0 to 65535');
  return n;
}

/**
 * The plan's simulator state file (for an exchange-online plan, the simulator's default file beside it), its
 * tenant, and the on-premises organization that the simulated directory sync mirrors: the plan's addresses.
 */
async function servedPlan(ctx: CommandContext, planPath: string): Promise<{ stateFile: string; organization: string; onPremises: OnPremises }> {
  const { desired, diagnostics } = await loadPlan(planPath, { cwd: ctx.io.cwd });
  if (hasErrors(diagnostics) || !desired) throw new StagemigError(diagnostics);
  if (diagnostics.length > 0) ctx.io.stderr(renderDiagnostics(diagnostics, { color: ctx.io.color }));
  const stateFile = desired.backend.type === 'simulator' ? desired.backend.stateFile : join(dirname(desired.planFile), '.stagemig', 'simulator.json');
  const onPremises = { organization: desired.organization, addresses: desired.batches.flatMap((b) => b.users.map((u) => u.email)) };
  return { stateFile, organization: desired.organization, onPremises };
}

async function serve(ctx: CommandContext, planPath: string, opts: ServeOptions): Promise<void> {
  const { io } = ctx;
  // With --state-file the plan is not read: the tenant then comes from Connect-ExchangeOnline -Organization,
  // and the simulated directory holds only what the service itself created.
  const plan = opts.stateFile ? { stateFile: resolve(io.cwd, opts.stateFile) } : await servedPlan(ctx, planPath);
  const stateFile = plan.stateFile;
  const server = await startSimulatorServer({
    stateFile,
    ...('organization' in plan ? { organization: plan.organization, onPremises: plan.onPremises } : {}),
    now: io.now,
    lock: (ctx.host.lock ?? DEFAULT_STATE_LOCK),
    port: opts.port ?? 0,
    onRequest: opts.quiet ? undefined : (cmdlet, ok) => io.stderr(`${io.now().toISOString()} ${cmdlet} ${ok ? 'ok' : 'refused'}\n`),
  });
  io.stdout(
    [
      `Simulator listening on ${server.url} (state file ${stateFile})`,
      'Point the StagemigSimulator PowerShell module at it:',
      `  $env:STAGEMIG_SIMULATOR_URL = ${quotePs(server.url)}`,
      `  Import-Module ${quotePs(standInModulePath())}`,
      '  Connect-ExchangeOnline -Organization contoso.onmicrosoft.com -ShowBanner:$false',
      'or set `backend.module` in an exchange-online plan to that module. Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const unhook = io.onInterrupt(() => {
      unhook();
      resolve();
    });
  });
  await server.close();
  io.stdout('Simulator stopped.\n');
}

export function registerSimulatorServe(simulatorCommand: Command, ctx: CommandContext): void {
  simulatorCommand
    .command('serve')
    .description('serve the simulator over HTTP on 127.0.0.1 for the StagemigSimulator PowerShell module (until Ctrl-C)')
    .argument('<plan.yaml>', 'migration plan whose simulator state to serve')
    .option('--port <n>', 'TCP port on 127.0.0.1 (default: a free port)', parsePort)
    .option('--state-file <file>', 'serve this state file instead of the plan\'s')
    .option('--quiet', 'do not log each call on stderr')
    .action((plan: string, opts: ServeOptions) => serve(ctx, plan, opts));
}
