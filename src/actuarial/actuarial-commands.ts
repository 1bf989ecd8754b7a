import type { Command } from 'commander';
import type { CliContext } from '../cli/command-kit.ts';
import { registerRetirementCommand } from './retirement-commands.ts';
import { registerPensionCommands } from './pension-commands.ts';
import { registerActuarialProjectCommands } from './actuarial-project-commands.ts';

/** Everything actuarial on the CLI: `retirement`, `pension estimate`, `actuarial project|scenarios`. */
export function registerActuarialCommands(program: Command, ctx: CliContext): void {
  registerRetirementCommand(program, ctx);
  registerPensionCommands(program, ctx);
  registerActuarialProjectCommands(program, ctx);
}
