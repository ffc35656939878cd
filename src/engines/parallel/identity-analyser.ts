import type { AnalysisContext } from '../analyse-identity.js';
import { analyseTexts, type AnalysedEntry, type EntryOptions } from './analysed-entry.js';
import { AnalysisWorker, type AnalysedChunk } from './analysis-worker-thread.js';
import { rowsSlice, textsOf, type FeatureRows } from '../../features/identity-row.js';

/** Chunks a worker may hold (being analysed or waiting) before this thread takes the next one itself. */
const WORKER_QUEUE = 2;
/**
 * Rows of a chunk from the store handed out at a time when there are workers. What a worker holds when the store has
 * no more rows is what this thread waits for at the end: two of DuckDB's chunks of 2,048 rows were up to 0.3 s at
 * 52,500 identities, two parts of 512 are a quarter of that, and still more than this thread takes to come back.
 */
const DISPATCH_ROWS = 512;
/**
 * Rows below which workers are not worth starting: a worker takes ~0.1 s of CPU to load its modules, as much as this
 * thread takes to analyse a few thousand identities (measured: 5,250 identities took 10% longer with one).
 */
const WORTH_A_WORKER = 16_384;

export interface AnalyserOptions {
  /** Rows the store is expected to give (its directory objects): workers start at once from WORTH_A_WORKER. */
  expectedRows?: number;
  /** Rows after which workers start when they were not started at once (tests lower it). */
  startAfterRows?: number;
  /** Make the report's parts of each identity too (table row, CSV record, compressed details). */
  report?: boolean;
  /** Keep each identity's whole migration plan in its entry. */
  plans?: boolean;
}

/** Every entry of a tenant, and (for the report) every compressed chunk of details, which the entries point into. */
export interface AnalysedIdentities {
  entries: AnalysedEntry[];
  detailChunks: string[];
  /** Rows whose plans wait for the observed actions (AnalysedRun.deferred): analyseDeferred takes them. */
  deferred: string[];
}

/**
 * Analyses chunks of feature rows as they stream from the store, on this thread and on up to `workers` worker
 * threads: after the first chunk, a chunk goes to a started worker (one that has loaded its modules) holding fewer
 * than WORKER_QUEUE unfinished chunks, else it is analysed here. Parsing, the engines and rendering analysis.json are
 * pure JavaScript on one thread otherwise, while DuckDB uses every core; the queue limit shares them by speed, as this
 * thread also receives every chunk from DuckDB.
 * Workers start at once when the store is expected to give WORTH_A_WORKER rows or more (their start-up then overlaps
 * the query), else once that many rows have come: a small tenant is analysed here without starting a thread.
 */
export class IdentityAnalyser {
  private readonly context: AnalysisContext;
  private readonly workerCount: number;
  private readonly startAfterRows: number;
  private readonly entryOptions: EntryOptions;
  private readonly workers: AnalysisWorker[] = [];
  private readonly runs: AnalysedChunk[] = [];
  private readonly replies: Promise<AnalysedChunk>[] = [];
  private chunks = 0;
  private chunksHere = 0;
  private rows = 0;

  constructor(context: AnalysisContext, workers: number, options: AnalyserOptions = {}) {
    if (!Number.isSafeInteger(workers) || workers < 0) throw new Error(`workers must be a whole number ≥ 0, got ${workers}`);
    this.context = context;
    this.workerCount = workers;
    this.startAfterRows = options.startAfterRows ?? WORTH_A_WORKER;
    this.entryOptions = { report: options.report === true, plans: options.plans === true };
    if ((options.expectedRows ?? 0) >= WORTH_A_WORKER) this.startWorkers();
  }

  add(texts: FeatureRows): void {
    if (this.workerCount === 0 || texts.length <= DISPATCH_ROWS) {
      this.dispatch(texts);
      return;
    }
    for (let start = 0; start < texts.length; start += DISPATCH_ROWS) this.dispatch(rowsSlice(texts, start, Math.min(DISPATCH_ROWS, texts.length - start)));
  }

  private dispatch(texts: FeatureRows): void {
    const seq = this.chunks;
    this.chunks += 1;
    this.rows += texts.length;
    if (seq > 0 && this.rows >= this.startAfterRows) this.startWorkers();
    const worker = this.workers.reduce<AnalysisWorker | null>((best, next) => (next.ready && (best === null || next.queued < best.queued) ? next : best), null);
    if (seq === 0 || worker === null || worker.queued >= WORKER_QUEUE) {
      const { entries, detailChunks, deferred } = analyseTexts(texts, this.context, this.entryOptions);
      this.runs.push({ entries, detailChunks, deferred });
      this.chunksHere += 1;
      return;
    }
    const reply = worker.analyse(seq, textsOf(texts));
    // Awaited in finish(); noted here so that a failure before then is not an unhandled rejection.
    reply.catch(() => undefined);
    this.replies.push(reply);
  }

  /** Resolves once every worker started is ready for chunks. */
  async whenWorkersReady(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.whenReady()));
  }

  /** Chunks analysed on this thread, on worker threads, and worker threads started. */
  get stats(): { here: number; onWorkers: number; workers: number } {
    return { here: this.chunksHere, onWorkers: this.chunks - this.chunksHere, workers: this.workers.length };
  }

  private startWorkers(): void {
    while (this.workers.length < this.workerCount) this.workers.push(new AnalysisWorker(this.context, this.entryOptions));
  }

  /**
   * Every entry, once the workers have answered, in no particular order, with every chunk of details; each entry's
   * chunk number, counted within its run, becomes its place among all the chunks.
   */
  async finish(): Promise<AnalysedIdentities> {
    for (const run of await Promise.all(this.replies)) this.runs.push(run);
    this.replies.length = 0;
    const detailChunks: string[] = [];
    for (const run of this.runs) {
      for (const entry of run.entries) if (entry.report) entry.report.chunk += detailChunks.length;
      detailChunks.push(...run.detailChunks);
    }
    return { entries: this.runs.flatMap((run) => run.entries), detailChunks, deferred: this.runs.flatMap((run) => run.deferred) };
  }

  /**
   * The deferred rows analysed here, in `context` (which holds what they waited for), added to `identities`: their
   * entries after the others, their details' chunks numbered after the others'.
   */
  analyseDeferred(identities: AnalysedIdentities, context: AnalysisContext): AnalysedIdentities {
    if (identities.deferred.length === 0) return identities;
    const run = analyseTexts(identities.deferred, context, this.entryOptions);
    if (run.deferred.length > 0) throw new Error(`${run.deferred.length} identities still wait for their observed actions`);
    for (const entry of run.entries) if (entry.report) entry.report.chunk += identities.detailChunks.length;
    return { entries: [...identities.entries, ...run.entries], detailChunks: [...identities.detailChunks, ...run.detailChunks], deferred: [] };
  }

  /** Stops the worker threads (also after a failure, so that the process can exit). */
  close(): void {
    for (const worker of this.workers) worker.close();
    this.workers.length = 0;
  }
}
