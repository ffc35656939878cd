import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { terminalSafe } from '../report/terminal-text.js';
import { DETECTORS } from '../scan/detectors/registry.js';
import { scanPaths, type ScanResult } from '../scan/index.js';
import { SCAN_FORMATS, SCAN_REPORTERS } from '../scan/report/scan-reporters.js';
import { storeScanFindings } from '../scan/store-findings.js';
import { openStore } from '../store/store.js';
import { UsageError } from '../errors.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';
import { terminalProgress } from './progress.js';

const TOOL_VERSION = '0.1.0';
const SKIP_LINES = 10;

const optionsSchema = z.object({
  format: z.enum(['table', 'json', 'sarif']).default('table'),
  out: z.string().min(1).optional(),
  db: z.string().min(1),
  workers: z.coerce.number().int().min(1).max(64).optional(),
});

/** Where findings' paths are relative to: the root (its folder for a file), or the working directory for several roots. */
function reportRoot(roots: readonly string[]): string {
  const [only] = roots;
  if (roots.length !== 1 || only === undefined) return process.cwd();
  const absolute = resolve(only);
  return existsSync(absolute) && statSync(absolute).isFile() ? dirname(absolute) : absolute;
}

function printSkipped(result: ScanResult): void {
  if (result.skipped.length === 0) return;
  const shown = result.skipped.slice(0, SKIP_LINES).map((skip) => `  ${terminalSafe(skip.file)}: ${terminalSafe(skip.reason)}`);
  const more = result.skipped.length > SKIP_LINES ? [`  … and ${result.skipped.length - SKIP_LINES} more`] : [];
  process.stderr.write(`unattended: skipped ${result.skipped.length} file(s):\n${[...shown, ...more].join('\n')}\n`);
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('find how scripts, pipelines and IaC sign in to Azure; store the findings when a store is given (or ./unattended.duckdb exists)')
    .argument('<dirs...>', 'folders (or files) to scan')
    .option('--format <format>', `output: ${SCAN_FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--workers <n>', 'worker threads (default: one per core for large trees)')
    .addOption(dbOption())
    .addOption(debugOption())
    .action(async (dirs: string[], raw: unknown, command: Command) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(`invalid option: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(), `--format ${SCAN_FORMATS.join('|')}, --workers N`);
      const options = parsed.data;
      const result = await scanPaths(dirs, { progress: terminalProgress(), ...(options.workers ? { workers: options.workers } : {}) });
      const root = reportRoot(dirs);
      const rules = new Map([...DETECTORS.values()].flatMap((detector) => detector.rules.map((rule) => [rule.id, rule] as const)));
      const reporter = SCAN_REPORTERS.get(options.format);
      if (!reporter) throw new UsageError(`unknown --format ${options.format}`, `use ${SCAN_FORMATS.join(', ')}`);
      const output = reporter({ result, rules, root, toolVersion: TOOL_VERSION });
      if (options.out) {
        writeFileSync(options.out, output);
        process.stderr.write(`unattended: wrote ${terminalSafe(options.out)} (${result.findings.length} findings)\n`);
      } else {
        process.stdout.write(output);
      }
      printSkipped(result);
      // Store when asked (--db, UNATTENDED_DB) or when the default store already exists: never create one uninvited.
      const explicit = command.getOptionValueSource('db') !== 'default' || process.env['UNATTENDED_DB'] !== undefined;
      if (explicit || existsSync(options.db)) {
        const store = await openStore(options.db);
        try {
          const stored = await storeScanFindings(store, root, result.findings);
          process.stderr.write(`unattended: stored ${stored.stored} findings in ${terminalSafe(store.path)} (${stored.linked} linked to identities in the store)\n`);
        } finally {
          store.close();
        }
      }
      process.exitCode = EXIT_OK;
    });
}
