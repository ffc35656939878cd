import type { Command } from 'commander';
import { z } from 'zod';
import { dbOption, debugOption } from './common-options.js';
import { terminalProgress } from './progress.js';
import { EXIT_INPUT, EXIT_OK } from './exit.js';
import { terminalSafe } from '../report/terminal-text.js';
import { openStore } from '../store/store.js';
import { UsageError } from '../errors.js';
import { IMPORT_FORMATS, importPaths, RECORD_KINDS, type ImportSummary, type SkippedPath } from '../sources/import/index.js';

const OUTPUTS = ['table', 'json'] as const;

const optionsSchema = z.object({
  db: z.string().min(1),
  format: z.array(z.string()).default([]),
});

/** `--format` names either the output (table, json) or the input format that overrides detection; it may be given twice. */
function splitFormats(values: readonly string[]): { output: 'table' | 'json'; input: string | undefined } {
  let output: 'table' | 'json' = 'table';
  let input: string | undefined;
  for (const value of values) {
    if (value === 'table' || value === 'json') output = value;
    else if (IMPORT_FORMATS.includes(value)) input = value;
    else throw new UsageError(`unknown --format ${value}`, `use ${OUTPUTS.join(' or ')} for the output, or one of ${IMPORT_FORMATS.join(', ')} to override detection`);
  }
  return { output, input };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function renderTable(summary: ImportSummary): string {
  const header = ['file', 'format', 'read', 'stored', 'updated', 'duplicates', 'quarantined'];
  const rows = summary.files.map((file) => [
    terminalSafe(file.path), file.format ?? '-', String(file.read), String(file.stored), String(file.updated), String(file.duplicates), String(file.quarantined),
  ]);
  const kindRows = RECORD_KINDS.filter((kind) => summary.totals[kind].read > 0).map((kind) => {
    const counts = summary.totals[kind];
    return [kind, '', String(counts.read), String(counts.stored), String(counts.updated), String(counts.duplicates), String(counts.quarantined)];
  });
  const all = [header, ...rows, ...kindRows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => row.map((cell, column) => pad(cell, widths[column] ?? 0, column >= 2)).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (kindRows.length > 0) out.push('', 'totals by record kind', ...kindRows.map(line));
  if (summary.skipped > 0) out.push('', `skipped ${summary.skipped} never-log ${summary.skipped === 1 ? 'entry' : 'entries'} (listed on stderr)`);
  return `${out.join('\n')}\n`;
}

/** One line per skipped entry, so a user sees what a folder import left out and why. */
function skipNote(skip: SkippedPath): string {
  return `unattended: skipped ${terminalSafe(skip.folder ? `${skip.path}/` : skip.path)} (${skip.reason}, never a log)\n`;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import exported logs and directory data (files or folders, .gz too; the format is detected from the content)')
    .argument('<paths...>', 'files or folders to import')
    .addOption(dbOption())
    .option('--format <name>', `output: table (default) or json; or an input format overriding detection: ${IMPORT_FORMATS.join(', ')}`, (value: string, previous: string[] = []) => [...previous, value])
    .addOption(debugOption())
    .action(async (paths: string[], raw: unknown) => {
      const options = optionsSchema.parse(raw);
      const { output, input } = splitFormats(options.format);
      const store = await openStore(options.db);
      try {
        const summary = await importPaths(store, paths, { ...(input === undefined ? {} : { format: input }), progress: terminalProgress() });
        if (output === 'json') process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else process.stdout.write(renderTable(summary));
        for (const skip of summary.skippedFiles) process.stderr.write(skipNote(skip));
        // Exit 0 only when every file that was tried imported whole: one in no known format, or cut short, is exit 2.
        let failed = false;
        for (const file of summary.files) {
          if (file.error === null) continue;
          process.stderr.write(`unattended: ${terminalSafe(file.format === null ? file.error : `${file.path}: ${file.error}`)}\n`);
          failed = true;
        }
        process.exitCode = failed ? EXIT_INPUT : EXIT_OK;
      } finally {
        store.close();
      }
    });
}
