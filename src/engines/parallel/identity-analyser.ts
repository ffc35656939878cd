import type { AnalysisContext } from '../analyse-identity.js';
import { analyseTexts, type AnalysedEntry } from './analysed-entry.js';
import { AnalysisWorker } from './analysis-worker-thread.js';

/** Chunks a worker may hold (being analysed or waiting) before this thread takes the next one itself. */
const WORKER_QUEUE = 2;
/** Rows in a full DuckDB chunk (its vector size). */
const CHUNK_ROWS = 2048;

/**
 * Analyses chunks of feature rows as they stream from the store, on this thread and on up to `workers` worker
 * threads: after the first chunk, which is analysed here while workers start, a chunk goes to a worker holding fewer
 * than WORKER_QUEUE unfinished chunks, else it is analysed here. Parsing, the engines and rendering analysis.json are
 * pure JavaScript on one thread otherwise, while DuckDB uses every core; the queue limit shares them by speed, as this
 * thread also receives every chunk from DuckDB.
 * Workers start at once when `expectedRows` fill more than two chunks (their start-up then overlaps the query), else
 * with the second chunk: a tenant whose identities fit in one chunk is analysed here without starting a thread.
 */
export class IdentityAnalyser {
  private readonly context: AnalysisContext;
  private readonly workerCount: number;
  private readonly workers: AnalysisWorker[] = [];
  private readonly runs: AnalysedEntry[][] = [];
  private readonly replies: Promise<AnalysedEntry[]>[] = [];
  private chunks = 0;
  private chunksHere = 0;

  constructor(context: AnalysisContext, workers: number, expectedRows = 0) {
    if (!Number.isSafeInteger(workers) || workers < 0) throw new Error(`workers must be a whole number ≥ 0, got ${workers}`);
    this.context = context;
    this.workerCount = workers;
    if (expectedRows > 2 * CHUNK_ROWS) this.startWorkers();
  }

  add(texts: string[]): void {
    const seq = this.chunks;
    this.chunks += 1;
    if (seq > 0) this.startWorkers();
    const worker = this.workers.reduce<AnalysisWorker | null>((best, next) => (best === null || next.queued < best.queued ? next : best), null);
    if (seq === 0 || worker === null || worker.queued >= WORKER_QUEUE) {
      this.runs.push(analyseTexts(texts, this.context).entries);
      this.chunksHere += 1;
      return;
    }
    const reply = worker.analyse(seq, texts);
    // Awaited in finish(); noted here so that a failure before then is not an unhandled rejection.
    reply.catch(() => undefined);
    this.replies.push(reply);
  }

  /** Chunks analysed on this thread, on worker threads, and worker threads started. */
  get stats(): { here: number; onWorkers: number; workers: number } {
    return { here: this.chunksHere, onWorkers: this.chunks - this.chunksHere, workers: this.workers.length };
  }

  private startWorkers(): void {
    while (this.workers.length < this.workerCount) this.workers.push(new AnalysisWorker(this.context));
  }

  /** Every entry, once the workers have answered, in no particular order. */
  async finish(): Promise<AnalysedEntry[]> {
    for (const entries of await Promise.all(this.replies)) this.runs.push(entries);
    this.replies.length = 0;
    return this.runs.flat();
  }

  /** Stops the worker threads (also after a failure, so that the process can exit). */
  close(): void {
    for (const worker of this.workers) worker.close();
    this.workers.length = 0;
  }
}
