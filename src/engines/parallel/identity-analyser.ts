import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { AnalysisContext } from '../analyse-identity.js';
import { analyseTexts, type AnalysedEntry } from './analysed-entry.js';
import type { ChunkReply } from './worker-messages.js';

/**
 * The worker's module beside this one: analysis-worker.js once built. Running from source (the tests), it is
 * analysis-worker.ts, which a worker thread cannot load by itself: a bootstrap registers the TypeScript loader the
 * tests run under (tsx, a dev dependency) in the new thread, then imports it.
 */
function workerSource(): { source: string | URL; eval: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./analysis-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return { source: url, eval: false };
  const loader = pathToFileURL(tsxEsmApi()).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return { source: bootstrap, eval: true };
}

/** tsx's ESM API, as its package's exports map names it. */
function tsxEsmApi(): string {
  const manifest = require.resolve('tsx/package.json');
  const exported: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  const target = tsxExportsSchema.parse(exported).exports['./esm/api'].import.default;
  return join(dirname(manifest), target);
}

const tsxExportsSchema = z.object({ exports: z.object({ './esm/api': z.object({ import: z.object({ default: z.string() }) }) }) });

const require = createRequire(import.meta.url);

interface Pending {
  done: (entries: AnalysedEntry[]) => void;
  fail: (error: Error) => void;
}

/** What a worker is started with. */
export interface AnalysisWorkerData {
  context: AnalysisContext;
  /** One Int32 the worker adds 1 to as it finishes each chunk. */
  progress: SharedArrayBuffer;
}

/** One worker thread and the chunks it has been sent and not yet answered. */
class AnalysisWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  /** Chunks the worker has finished, counted by the worker itself: its replies wait for this thread's event loop. */
  private readonly finished = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  private sent = 0;
  private failure: Error | null = null;

  constructor(context: AnalysisContext) {
    const { source, eval: isCode } = workerSource();
    const workerData: AnalysisWorkerData = { context, progress: this.finished.buffer as SharedArrayBuffer };
    this.worker = new Worker(source, { workerData, eval: isCode });
    this.worker.on('message', (reply: ChunkReply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`analysis worker thread stopped (exit code ${code})`)));
  }

  /** Chunks sent and not yet finished. */
  get queued(): number {
    return this.sent - Atomics.load(this.finished, 0);
  }

  analyse(seq: number, texts: string[]): Promise<AnalysedEntry[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((done, fail) => {
      this.pending.set(seq, { done, fail });
      this.sent += 1;
      this.worker.postMessage({ seq, texts });
    });
  }

  /** Stops the thread without waiting for its heap to be torn down; it no longer keeps the process alive. */
  close(): void {
    this.worker.removeAllListeners('exit');
    this.worker.unref();
    this.worker.terminate().catch(() => undefined);
  }

  private settle(reply: ChunkReply): void {
    const pending = this.pending.get(reply.seq);
    if (!pending) return;
    this.pending.delete(reply.seq);
    if ('entries' in reply) {
      pending.done(reply.entries);
      return;
    }
    const error = new Error(reply.error.message);
    if (reply.error.stack) error.stack = reply.error.stack;
    pending.fail(error);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.fail(error);
    this.pending.clear();
  }
}

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
