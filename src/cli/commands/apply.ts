import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/** STUB */
export function registerApply(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
