import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

/** STUB */
export function registerPlan(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
