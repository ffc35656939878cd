import type { Command } from 'commander';
import { registerImport } from './import.js';
import { registerAnalyze } from './analyze.js';
import { registerReport } from './report.js';
import { registerScan } from './scan.js';
import { registerDemo } from './demo.js';

/** Every command, one module each. Adding a command = one file in src/cli/ + one line here. */
export const COMMANDS: readonly ((program: Command) => void)[] = [registerDemo, registerImport, registerAnalyze, registerReport, registerScan];
