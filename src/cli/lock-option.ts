// --lock-timeout: how long a command waits for a lock another stagemig process holds.
//
// Must not: run the work or write text (views make the text; emit.ts writes it).
import { InvalidArgumentError, type Command } from 'commander';
import { parseDuration } from '../model/duration.js';
import type { CommandContext } from './program.js';

function parseLockTimeout(text: string): number {
  const ms = text.trim() === '0' ? 0 : parseDuration(text);
  if (ms === undefined) throw new InvalidArgumentError('use a duration such as 0s, 30s, 5m or 1h');
  return ms;
}

export function addLockTimeoutOption(cmd: Command): Command {
  return cmd.option('--lock-timeout <duration>', 'wait this long for a lock held by another stagemig run (e.g. 30s, 5m)', parseLockTimeout);
}

/** Stores the parsed --lock-timeout (if any) in the host, for every lock the command takes. */
export function useLockTimeout(ctx: CommandContext, opts: { lockTimeout?: number }): void {
  if (opts.lockTimeout !== undefined && ctx.host.lock) ctx.host.lock.timeoutMs = opts.lockTimeout;
}
