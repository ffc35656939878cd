import { Option, type Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { terminalSafe } from '../report/terminal-text.js';
import type { IntegrityReport } from '../store/integrity/integrity-types.js';
import { checkStoreIntegrity } from '../store/integrity/store-integrity.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_GATE, EXIT_OK } from './exit.js';

const optionsSchema = z.object({
  db: z.string().min(1),
  format: z.enum(['table', 'json'], { error: () => ({ message: '--format must be table or json' }) }).default('table'),
});

export function renderIntegrityTable(report: IntegrityReport): string {
  const counts = { ok: 0, failed: 0, skipped: 0 };
  for (const check of report.checks) counts[check.status] += 1;
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const lines = [
    `store ${terminalSafe(report.path)}: ${report.ok ? 'whole' : 'DAMAGED'} (${counts.ok} checks passed, ${counts.failed} failed, ${counts.skipped} skipped)`,
    ...report.checks.map((check) => `  ${check.status.padEnd(7)}  ${check.name.padEnd(width)}  ${terminalSafe(check.detail)}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerVerifyStore(program: Command): void {
  program
    .command('verify-store')
    .description('check that the store is whole: every table reads back, batches reconcile with their rows, rollups and snapshots with what they derive from (read-only; exit 1 when a check fails)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'table or json').default('table'))
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended verify-store --help');
      const options = parsed.data;
      const store = await openStore(options.db, { readOnly: true });
      try {
        const report = await checkStoreIntegrity(store);
        process.stdout.write(options.format === 'json' ? `${JSON.stringify({ schemaVersion: 1, ...report }, null, 2)}\n` : renderIntegrityTable(report));
        process.exitCode = report.ok ? EXIT_OK : EXIT_GATE;
      } finally {
        store.close();
      }
    });
}
