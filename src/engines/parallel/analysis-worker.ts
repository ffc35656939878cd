/**
 * A worker thread of IdentityAnalyser: analyses the chunks of feature rows it is sent, in the context it was started
 * with (workerData), and replies with their entries. It holds no state between chunks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseTexts } from './analysed-entry.js';
import type { AnalysisWorkerData } from './analysis-worker-thread.js';
import { PROGRESS_FINISHED, PROGRESS_READY, type ChunkMessage, type ChunkReply } from './worker-messages.js';

const port = parentPort;
if (port === null) throw new Error('analysis-worker runs as a worker thread of IdentityAnalyser');
// Sent by IdentityAnalyser: a structured clone of its AnalysisWorkerData.
const { context, entryOptions, progress } = workerData as AnalysisWorkerData;
const slots = new Int32Array(progress);

port.on('message', ({ seq, texts }: ChunkMessage) => {
  let reply: ChunkReply;
  let bytes: ArrayBuffer[] = [];
  try {
    const analysed = analyseTexts(texts, context, entryOptions);
    reply = { seq, entries: analysed.entries, detailChunks: analysed.detailChunks, deferred: analysed.deferred };
    bytes = [analysed.bytes];
  } catch (error) {
    reply = { seq, error: error instanceof Error ? { message: error.message, stack: error.stack ?? null } : { message: String(error), stack: null } };
  }
  Atomics.add(slots, PROGRESS_FINISHED, 1);
  // The entries' bytes move to the main thread without a copy; this thread keeps nothing of the chunk.
  port.postMessage(reply, bytes);
});
Atomics.store(slots, PROGRESS_READY, 1);
