import type { AnalysedEntry } from './analysed-entry.js';

/** Main thread → worker: a chunk of feature rows (JSON texts) to analyse. */
export interface ChunkMessage {
  seq: number;
  texts: string[];
}

/**
 * Worker → main thread: the chunk's entries (and, for the report, its identities' compressed details) with the rows it
 * deferred (AnalysedRun.deferred), or why it could not be analysed.
 */
export type ChunkReply = { seq: number; entries: AnalysedEntry[]; detailChunks: string[]; deferred: string[] } | { seq: number; error: { message: string; stack: string | null } };

/** The worker's progress, in an Int32Array over shared memory: readable by the main thread at any time. */
export const PROGRESS_FINISHED = 0;
/** 1 once the worker has loaded its modules and listens for chunks. */
export const PROGRESS_READY = 1;
export const PROGRESS_SLOTS = 2;
