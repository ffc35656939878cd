import { Worker } from 'node:worker_threads';
import type { AnalysisContext } from '../analyse-identity.js';
import type { AnalysedEntry, EntryOptions } from './analysed-entry.js';

/** A chunk's entries and its identities' compressed details, as a worker answers them. */
export interface AnalysedChunk {
  entries: AnalysedEntry[];
  detailChunks: string[];
  /** Rows whose plan waits for the observed actions (AnalysedRun.deferred). */
  deferred: string[];
}
import { PROGRESS_FINISHED, PROGRESS_READY, PROGRESS_SLOTS, type ChunkReply } from './worker-messages.js';
import { analysisWorkerSource } from './worker-source.js';

interface Pending {
  done: (chunk: AnalysedChunk) => void;
  fail: (error: Error) => void;
}

/** What a worker is started with. */
export interface AnalysisWorkerData {
  context: AnalysisContext;
  entryOptions: EntryOptions;
  /** Int32 slots (worker-messages.ts): chunks finished, and whether the worker is ready for chunks. */
  progress: SharedArrayBuffer;
}

/** One worker thread and the chunks it has been sent and not yet answered. */
export class AnalysisWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  /**
   * Chunks the worker has finished and whether it has started, written by the worker itself: its messages wait for
   * this thread's event loop, which a chunk arriving from DuckDB does not always reach.
   */
  private readonly progress = new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private sent = 0;
  private failure: Error | null = null;

  constructor(context: AnalysisContext, entryOptions: EntryOptions) {
    const { source, eval: isCode } = analysisWorkerSource();
    const workerData: AnalysisWorkerData = { context, entryOptions, progress: this.progress.buffer as SharedArrayBuffer };
    this.worker = new Worker(source, { workerData, eval: isCode });
    this.worker.on('message', (reply: ChunkReply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`analysis worker thread stopped (exit code ${code})`)));
  }

  /** Chunks sent and not yet finished. */
  get queued(): number {
    return this.sent - Atomics.load(this.progress, PROGRESS_FINISHED);
  }

  /** Whether the worker has loaded its modules: until then a chunk sent would only wait. */
  get ready(): boolean {
    return Atomics.load(this.progress, PROGRESS_READY) === 1;
  }

  /** Resolves once the worker is ready (tests: makes the sharing of chunks deterministic). */
  async whenReady(): Promise<void> {
    while (!this.ready && this.failure === null) await new Promise((done) => setTimeout(done, 5));
    if (this.failure) throw this.failure;
  }

  analyse(seq: number, texts: string[]): Promise<AnalysedChunk> {
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
      pending.done({ entries: reply.entries, detailChunks: reply.detailChunks, deferred: reply.deferred });
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
