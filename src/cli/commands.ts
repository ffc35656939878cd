import type { Command } from 'commander';

/** Every command, one module each. Adding a command = one file in src/cli/ + one line here. */
export const COMMANDS: readonly ((program: Command) => void)[] = [];
