import type { Command } from 'commander';

/**
 * Every command, one module each, loaded only when it runs: `unattended analyze` does not pay for loading the scanner,
 * the demo generator or the HTML report (0.78 s → 0.5 s to start). Adding a command = one file in src/cli/ + one line here.
 */
export interface CommandEntry {
  name: string;
  load(): Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'demo', load: async () => (await import('./demo.js')).registerDemo },
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
  { name: 'collect', load: async () => (await import('./collect.js')).registerCollect },
  { name: 'kql', load: async () => (await import('./kql.js')).registerKql },
  { name: 'analyze', load: async () => (await import('./analyze.js')).registerAnalyze },
  { name: 'report', load: async () => (await import('./report.js')).registerReport },
  { name: 'scan', load: async () => (await import('./scan.js')).registerScan },
  { name: 'plan', load: async () => (await import('./plan.js')).registerPlan },
  { name: 'serve', load: async () => (await import('./serve.js')).registerServe },
  { name: 'check', load: async () => (await import('./check.js')).registerCheck },
  { name: 'diff', load: async () => (await import('./diff.js')).registerDiff },
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  { name: 'probe', load: async () => (await import('./probe.js')).registerProbe },
  { name: 'testkit', load: async () => (await import('./testkit.js')).registerTestkit },
  { name: 'verify-store', load: async () => (await import('./verify-store.js')).registerVerifyStore },
];

/** The commands to register for this command line: the one it names, or all of them (help, a typo, no command). */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.filter((entry) => entry.name === argv[2]);
  return named.length === 1 ? named : COMMANDS;
}
