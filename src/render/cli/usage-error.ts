// A short usage error instead of the whole help: what is wrong, a suggestion, where help is.
//
// Must not: parse the command line (commander does) or print (cli/program.ts emits the text).
import type { Command } from 'commander';

/** The (sub)command that argv names: `simulator advance x.yaml 6h` → the `simulator advance` command. */
export function commandOf(program: Command, argv: readonly string[]): Command {
  let cmd = program;
  for (const token of argv) {
    if (token === '--') break;
    if (token.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (!sub) break;
    cmd = sub;
  }
  return cmd;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function longOptions(cmd: Command): string[] {
  const out: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) out.push(...c.options.map((o) => o.long).filter((l): l is string => Boolean(l)));
  return out;
}

/** `-out` or `-out=x` where `--out` exists: the admin typed one dash (PowerShell habit). */
function singleDashHint(flag: string, cmd: Command): string | undefined {
  const m = /^-([A-Za-z][\w-]+)(=.*)?$/.exec(flag);
  if (!m) return undefined;
  const wanted = `--${m[1]!.toLowerCase()}`;
  const known = longOptions(cmd).find((l) => l.toLowerCase() === wanted);
  return known
    ? `Did you mean ${known}${m[2] ?? ''}? stagemig's long options take two dashes.`
    : `stagemig's long options take two dashes (--${m[1]}); single-dash options are one letter (-h, -v).`;
}

/**
 * The text of a usage error: commander's message (without its `error:` prefix and with its own
 * "Did you mean" turned into a sentence), a hint for single-dash flags, and the help command.
 */
export function usageErrorText(message: string, program: Command, argv: readonly string[]): string {
  const cmd = commandOf(program, argv);
  const lines = message.trim().replace(/^error: /, '').split('\n');
  const summary = lines[0]!;
  const suggestion = lines.slice(1).join(' ').replace(/^\((.*)\)$/, '$1').trim();
  const flag = /^unknown option '([^']+)'/.exec(summary)?.[1];
  const hint = (flag && !flag.startsWith('--') ? singleDashHint(flag, cmd) : undefined) ?? suggestion;
  const path = commandPath(cmd);
  return [`stagemig: ${summary}`, ...(hint ? [`  ${hint}`] : []), `Run \`${path} --help\` for usage.`, ''].join('\n');
}
