import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Store } from '../../store/store.js';
import { compactSignInRollups } from '../../store/rollups/sign-in-rollups.js';
import type { Progress } from '../../model/progress.js';
import { SILENT_PROGRESS } from '../../model/progress.js';
import { UsageError } from '../../errors.js';
import { FileBatch } from './framework/file-batch.js';
import type { ImportFormat, ImportRun } from './framework/format.js';
import { addCounts, emptyTotals, RECORD_KINDS, zeroCounts, type Counts, type FileSummary, type ImportSummary, type RecordKind } from './framework/import-summary.js';
import { sniffFile, type Sniff } from './framework/sniff.js';
import { SignInFileReader } from './sign-in/sign-in-file-reader.js';
import { walkPaths } from './framework/walk-paths.js';
import { DEFAULT_CHUNK_BYTES, fileChunks, needsChunks } from './framework/file-chunks.js';
import { DIAGNOSTIC_JSONL } from './diagnostic-jsonl/diagnostic-jsonl-format.js';
import { FORMATS, IMPORT_FORMATS, formatById } from './formats.js';
import { isAuthDetails } from './portal-csv/portal-csv-format.js';

export interface ImportOptions {
  /** A format id from IMPORT_FORMATS: skips detection for every file. */
  format?: string;
  progress?: Progress;
  /** Internal (tests force several chunks of a small file): text per chunk of a big JSON Lines file, DEFAULT_CHUNK_BYTES. */
  chunkBytes?: number;
}

interface PlannedFile {
  path: string;
  entry: FileSummary;
  format: ImportFormat;
  /** A portal AuthDetails download: read before the sign-in files. */
  authDetails: boolean;
  /** Interactive sign-ins, read before the rest (see signInOrder). */
  interactive: boolean;
  /** A JSON Lines file too big for one batch: imported chunk by chunk (framework/file-chunks.ts). */
  chunked: boolean;
}

/** What one batch reads: a whole planned file, or one chunk of a big one. */
interface Unit {
  file: PlannedFile;
  /** The file to read: the planned file itself, or its chunk. */
  path: string;
  lineOffset: number;
  /** What could not be read of a chunked file, carried by its last chunk. */
  tailError: string | null;
  /** The batch is over: a chunk's file goes. */
  done(): void;
}

/**
 * The planned files as batches, in order. A chunked file is split lazily, so a chunk is written while the one before
 * it is imported, and at most those two are on disk.
 */
async function* unitsOf(files: readonly PlannedFile[], chunkDir: string, chunkBytes: number): AsyncGenerator<Unit> {
  for (const file of files) {
    if (!file.chunked) {
      yield { file, path: file.path, lineOffset: 0, tailError: null, done: () => undefined };
      continue;
    }
    for await (const chunk of fileChunks(file.path, chunkDir, chunkBytes)) {
      yield { file, path: chunk.path, lineOffset: chunk.lineOffset, tailError: chunk.tailError, done: () => rmSync(chunk.path, { force: true }) };
    }
  }
}

/**
 * Interactive sign-ins first: they begin the sessions that the non-interactive refreshes ride, so a refresh finds its
 * session's MFA sign-in already stored and resolves once. Any order gives the same store (a session's first MFA found
 * later settles the sign-ins stored before it again); this one spares that work on a whole export.
 */
function isInteractiveSignInFile(path: string, sniff: Sniff): boolean {
  const category = sniff.firstLineObject?.['category'];
  if (typeof category === 'string') return category.toLowerCase() === 'signinlogs';
  return /(?:^|[\\/])(?:insights-logs-signinlogs|InteractiveSignIns_)/u.test(path) && !/NonInteractive/iu.test(path);
}

function isRecordKind(kind: string): kind is RecordKind {
  return RECORD_KINDS.some((known) => known === kind);
}

function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === '' || inside.startsWith('..') ? path : inside;
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
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const walked = walkPaths(paths);
  const summary: ImportSummary = {
    files: [],
    totals: emptyTotals(),
    skipped: walked.skipped.length,
    skippedFiles: walked.skipped.map((skip) => ({ ...skip, path: shownPath(skip.path) })),
  };
  const planned: PlannedFile[] = [];
  for (const path of walked.files) {
    const shown = shownPath(path);
    const entry: FileSummary = { path: shown, format: null, read: 0, stored: 0, updated: 0, duplicates: 0, quarantined: 0, error: null };
    summary.files.push(entry);
    const sniff = await sniffFile(path);
    const format = forced ?? FORMATS.find((candidate) => candidate.detect(sniff)) ?? null;
    if (format === null) {
      entry.error = `${shown}: not in a known format (tried ${IMPORT_FORMATS.join(', ')})`;
      continue;
    }
    entry.format = format.id;
    // Only the verdict is kept: a folder of thousands of files must not hold thousands of heads in memory.
    planned.push({
      path, entry, format,
      authDetails: format.id === 'portal-csv' && sniff.csvHeader !== null && isAuthDetails(sniff.csvHeader),
      interactive: isInteractiveSignInFile(path, sniff),
      // Only line-delimited records can be cut at any line; a JSON document (an Event Hubs wrapper, a Graph page) cannot.
      chunked: format.id === DIAGNOSTIC_JSONL.id && sniff.firstLineObject !== null && needsChunks(path, chunkBytes),
    });
  }
  await store.run("SET TimeZone = 'UTC'");
  const settings = await importSettings(store);
  // One progress line for the whole import (a blob export runs to hundreds of files); per-file counts are in the summary.
  progress.start(`import ${planned.length} file${planned.length === 1 ? '' : 's'} (records)`, null);
  try {
    const signInFiles = await SignInFileReader.open(store);
    const chunkDir = mkdtempSync(join(tmpdir(), 'unattended-chunks-'));
    try {
      await importPlanned(store, planned, { progress, authDetails: new Map(), signInFiles }, summary, { dir: chunkDir, bytes: chunkBytes });
    } finally {
      rmSync(chunkDir, { recursive: true, force: true });
      await signInFiles.close();
    }
  } finally {
    await settings.restore();
  }
  const totals = summary.files.reduce((sum, file) => {
    addCounts(sum, file);
    return sum;
  }, zeroCounts());
  progress.finish(`${totals.read} read, ${totals.stored} stored, ${totals.updated} updated, ${totals.duplicates} duplicates, ${totals.quarantined} quarantined`);
  return summary;
}

/**
 * The DuckDB settings of an import; the caller's come back after.
 * - memory_limit: the buffer pool is capped (it spills to disk beyond), and the WAL is checkpointed every 512 MB.
 *   sign_ins has no key index, so what DuckDB holds is bounded by two files in flight, not by the store.
 * - threads 1: the import runs two statements at once (one file read on the reader's connection, the previous one
 *   written on the store's), one core each. Two threads per statement on one file's rows (less than a row group) cost
 *   ~40% more CPU for no speed, and more memory.
 * - allocator_background_threads: with no DuckDB worker threads, nothing else hands freed memory back to the system.
 * Measured on the 1M bench (42 blobs of 45-100 MB, machine shared): 320 MB with these peaked at 779-851 MiB RSS and
 * 33-41 s CPU; 384 MB with 2 threads at 854-960 MiB and 52-58 s CPU.
 */
const IMPORT_SETTINGS: readonly (readonly [name: string, value: string])[] = [
  ['memory_limit', '320MB'],
  ['checkpoint_threshold', '512MB'],
  ['threads', '1'],
  ['allocator_background_threads', 'true'],
];

/** Apply the import's DuckDB settings (also used by `collect`, which writes through the same normalisers); restore() puts the caller's back. */
export async function importSettings(store: Store): Promise<{ restore: () => Promise<void> }> {
  const saved: [string, string][] = [];
  for (const [name, value] of IMPORT_SETTINGS) {
    const [row] = await store.all<{ value: string }>('SELECT CAST(current_setting(?) AS VARCHAR) AS value', [name]);
    if (row) saved.push([name, row.value]);
    await store.run(`SET ${name} = '${value}'`);
  }
  return {
    async restore() {
      for (const [name, value] of saved) await store.run(`SET ${name} = '${value.replaceAll("'", "''")}'`);
    },
  };
}

/** A unit whose batch exists and whose `prepare` (the fast path's read) has run, outside any transaction. */
interface BegunFile {
  unit: Unit;
  batch: FileBatch;
  sniff: Sniff;
}

async function begin(store: Store, unit: Unit, run: ImportRun): Promise<BegunFile> {
  const { file } = unit;
  const batch = new FileBatch(store, file.entry.path, file.format.id, unit.lineOffset);
  const sniff = await sniffFile(unit.path);
  if (file.format.prepare) await file.format.prepare(unit.path, batch, run, sniff);
  return { unit, batch, sniff };
}

/** Release what a begun unit holds: the reader's tables, and a chunk's file. */
function finish(begun: BegunFile): void {
  begun.batch.signIns.release();
  begun.unit.done();
}

/** One file (or chunk) in one transaction; on failure the stage is emptied before the error goes up. */
async function importOne(store: Store, begun: BegunFile, run: ImportRun, summary: ImportSummary): Promise<string> {
  const { unit, batch, sniff } = begun;
  try {
    await importFile(store, unit.file, batch, run, summary, sniff, unit);
    return batch.id;
  } catch (error) {
    await batch.signIns.reset();
    throw error;
  } finally {
    finish(begun);
  }
}

async function importPlanned(store: Store, planned: readonly PlannedFile[], run: ImportRun, summary: ImportSummary, chunks: { dir: string; bytes: number }): Promise<void> {
  // AuthDetails downloads first: their steps are joined onto the sign-ins of the files that follow.
  const authDetails = planned.filter((file) => file.authDetails);
  const rest = [...planned.filter((file) => !file.authDetails && file.interactive), ...planned.filter((file) => !file.authDetails && !file.interactive)];
  const deferred: { file: PlannedFile; batch: FileBatch }[] = [];
  for (const file of authDetails) {
    const batch = new FileBatch(store, file.entry.path, file.format.id);
    file.entry.error = await file.format.read(file.path, batch, run, await sniffFile(file.path));
    deferred.push({ file, batch });
  }
  const runBatches: string[] = [];
  // Two units at a time: the next one is read and normalised on the reader's connection while this one is written on
  // the store's. Each statement on one file's rows runs on about one core; the two together use both.
  const units = unitsOf(rest, chunks.dir, chunks.bytes);
  const beginNext = async (): Promise<BegunFile | null> => {
    const following = await units.next();
    return following.done === true ? null : begin(store, following.value, run);
  };
  let next: Promise<BegunFile | null> = beginNext();
  try {
    for (;;) {
      const begun = await next;
      if (begun === null) break;
      next = beginNext();
      // Awaited next round, or in the finally below; until then its failure is not unhandled.
      next.catch(() => undefined);
      runBatches.push(await importOne(store, begun, run, summary));
    }
  } finally {
    // After a failed batch, the next unit's read finishes before the reader closes, and its table goes.
    await next.then((begun) => (begun === null ? undefined : finish(begun)), () => undefined);
    await units.return(undefined);
  }
  for (const { file, batch } of deferred) {
    await countAuthDetails(store, batch, run, runBatches);
    await importFile(store, file, batch, run, summary, null, null);
  }
  await compactSignInRollups(store);
  await store.run('CHECKPOINT');
}

/**
 * `sniff` is null for a file already read (an AuthDetails download, read before the sign-ins it completes); `unit` says
 * which file to read (a chunk of `file`, or `file` itself).
 */
async function importFile(store: Store, file: PlannedFile, batch: FileBatch, run: ImportRun, summary: ImportSummary, sniff: Sniff | null, unit: Unit | null): Promise<void> {
  const { entry, format } = file;
  const counts = await store.transaction(async () => {
    await store.run('INSERT INTO batches (batch_id, source, file, format, started_at) VALUES (?, ?, ?, ?, now()::TIMESTAMP)', [batch.id, 'import', entry.path, format.id]);
    try {
      if (sniff !== null) entry.error = (await format.read(unit?.path ?? file.path, batch, run, sniff)) ?? unit?.tailError ?? null;
      const byKind = await batch.write();
      const fileCounts: Counts = zeroCounts();
      for (const counted of byKind.values()) addCounts(fileCounts, counted);
      await store.run('UPDATE batches SET finished_at = now()::TIMESTAMP, read = ?, stored = ?, updated = ?, duplicates = ?, quarantined = ?, note = ? WHERE batch_id = ?', [
        fileCounts.read, fileCounts.stored, fileCounts.updated, fileCounts.duplicates, fileCounts.quarantined, entry.error, batch.id,
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
}

/**
 * An AuthDetails row is stored when its sign-in was stored by this run, a duplicate when its sign-in was
 * a duplicate, and quarantined when no sign-in of this run has its Request ID.
 */
async function countAuthDetails(store: Store, batch: FileBatch, run: ImportRun, runBatches: readonly string[]): Promise<void> {
  const used = new Set<string>();
  for (const [requestId, entry] of run.authDetails) if (entry.used) used.add(requestId);
  const fresh = new Set<string>();
  if (used.size > 0 && runBatches.length > 0) {
    const rows = await store.all<{ id: string }>(
      `SELECT DISTINCT id FROM sign_ins WHERE batch_id IN (${runBatches.map(() => '?').join(', ')}) AND id IN (${[...used].map(() => '?').join(', ')})`,
      [...runBatches, ...used],
    );
    for (const row of rows) fresh.add(row.id);
  }
  const counts = zeroCounts();
  for (const row of batch.authDetailRows) {
    if (!used.has(row.requestId)) {
      batch.quarantine(row.line, `no sign-in with Request ID ${row.requestId} in this import`, row.raw, null);
      continue;
    }
    counts.read += 1;
    if (fresh.has(row.requestId)) counts.stored += 1;
    else counts.duplicates += 1;
  }
  batch.addCounts(counts);
}
