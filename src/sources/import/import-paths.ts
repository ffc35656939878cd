import { relative } from 'node:path';
import type { Store } from '../../store/store.js';
import type { Progress } from '../../model/progress.js';
import { SILENT_PROGRESS } from '../../model/progress.js';
import { UsageError } from '../../errors.js';
import { FileBatch } from './framework/file-batch.js';
import type { ImportRun } from './framework/format.js';
import { addCounts, emptyTotals, RECORD_KINDS, type Counts, type FileSummary, type ImportSummary, type RecordKind } from './framework/import-summary.js';
import { sniffFile } from './framework/sniff.js';
import { walkPaths } from './framework/walk-paths.js';
import { FORMATS, IMPORT_FORMATS, formatById } from './formats.js';

export interface ImportOptions {
  /** A format id from IMPORT_FORMATS: skips detection for every file. */
  format?: string;
  progress?: Progress;
}

function isRecordKind(kind: string): kind is RecordKind {
  return RECORD_KINDS.some((known) => known === kind);
}

/**
 * Import files and folders into the store. Each file is one batch in one transaction: its batch row,
 * its records and its quarantine land together or not at all, so a killed import leaves the store as it
 * was before that file, and re-running completes it (records are keyed on their own IDs).
 * A file in no known format is not an exception: its summary entry carries the error and the rest go on.
 */
export async function importPaths(store: Store, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const forced = options.format === undefined ? null : formatById(options.format);
  if (options.format !== undefined && forced === null) {
    throw new UsageError(`unknown format ${options.format}`, `use one of: ${IMPORT_FORMATS.join(', ')}`);
  }
  const progress = options.progress ?? SILENT_PROGRESS;
  const run: ImportRun = { progress, authDetails: new Map() };
  const files = walkPaths(paths);
  const summary: ImportSummary = { files: [], totals: emptyTotals() };
  await store.run("SET TimeZone = 'UTC'");
  await store.run("SET checkpoint_threshold = '8GB'");
  for (const path of files) {
    const inside = relative(process.cwd(), path);
    const shown = inside === '' || inside.startsWith('..') ? path : inside;
    const entry: FileSummary = { path: shown, format: null, read: 0, stored: 0, duplicates: 0, quarantined: 0, error: null };
    summary.files.push(entry);
    const sniff = await sniffFile(path);
    const format = forced ?? FORMATS.find((candidate) => candidate.detect(sniff)) ?? null;
    if (format === null) {
      entry.error = `${shown}: not in a known format (tried ${IMPORT_FORMATS.join(', ')})`;
      continue;
    }
    entry.format = format.id;
    progress.start(`import ${shown}`, null);
    const batch = new FileBatch(store, shown);
    if (format.prepare) await format.prepare(path, batch, sniff);
    const counts = await store.transaction(async () => {
      await store.run('INSERT INTO batches (batch_id, source, file, format, started_at) VALUES (?, ?, ?, ?, now()::TIMESTAMP)', [batch.id, 'import', shown, format.id]);
      try {
        entry.error = await format.read(path, batch, run, sniff);
        const byKind = await batch.write();
        const fileCounts: Counts = { read: 0, stored: 0, duplicates: 0, quarantined: 0 };
        for (const counted of byKind.values()) addCounts(fileCounts, counted);
        await store.run('UPDATE batches SET finished_at = now()::TIMESTAMP, read = ?, stored = ?, duplicates = ?, quarantined = ?, note = ? WHERE batch_id = ?', [
          fileCounts.read, fileCounts.stored, fileCounts.duplicates, fileCounts.quarantined, entry.error, batch.id,
        ]);
        return byKind;
      } catch (error) {
        batch.signIns.discard();
        throw error;
      }
    });
    for (const [kind, counted] of counts) {
      addCounts(entry, counted);
      if (isRecordKind(kind)) addCounts(summary.totals[kind], counted);
    }
    progress.finish(`${entry.read} read, ${entry.stored} stored, ${entry.duplicates} duplicates, ${entry.quarantined} quarantined`);
  }
  return summary;
}
