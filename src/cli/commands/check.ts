// `stagemig check <plan.yaml> [--format human|json|markdown] [--target ADDR]... [--dns-server HOST[:PORT]]`:
// the seed's step 1 as a preflight: flags → operations/check/run-check.ts → render/check/check-view.ts.
// Exit 0 when nothing failed (warnings allowed), 1 otherwise. Changes nothing.
//
// Must not: hold logic or literal text: parse flags, call the operation, hand the result to its view, set the exit code.
import { InvalidArgumentError, type Command } from 'commander';
import { countByStatus } from '../../operations/check/finding.js';
import { parseDnsServer } from '../../operations/check/node-dns.js';
import { runCheck } from '../../operations/check/run-check.js';
import { checkTargets } from '../../operations/planning.js';
import { checkOutput } from '../../render/check/check-view.js';
import { emit } from '../emit.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { CHECK_FORMATS, parseFormat } from '../format-option.js';
import type { CommandContext } from '../program.js';

interface CheckOptions {
  format?: string;
  target?: string[];
  dnsServer?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function dnsServerOption(text: string): string {
  const server = parseDnsServer(text);
  if (server === undefined) throw new InvalidArgumentError('give an IP address with an optional port, e.g. 10.0.0.53, 10.0.0.53:5353 or [::1]:53');
  return server;
}

async function check(ctx: CommandContext, planPath: string, opts: CheckOptions): Promise<void> {
  const format = parseFormat(opts.format, CHECK_FORMATS);
  const result = await runCheck(ctx.host, {
    planPath, targets: (d) => checkTargets(d, opts.target ?? []), ...(opts.dnsServer !== undefined ? { dnsServer: opts.dnsServer } : {}),
  });
  emit(ctx.io, checkOutput(format, result, { color: ctx.io.color }));
  ctx.setExitCode(countByStatus(result.report.findings).failed > 0 ? EXIT_ERROR : EXIT_OK);
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('Preflight before apply (seed step 1): endpoints, cloud recipients, domains, limits and DNS. Changes nothing.')
    .argument('<plan>', 'migration plan YAML file')
    .option('--format <format>', `output format: ${CHECK_FORMATS.join(', ')}`, 'human')
    .option('--target <address>', 'only batch.NAME or endpoint.NAME and what it depends on (repeatable)', collect)
    .option('--dns-server <host[:port]>', 'DNS server for the MX and Autodiscover lookups (default: the system resolver)', dnsServerOption)
    .action((planPath: string, opts: CheckOptions) => check(ctx, planPath, opts));
}
