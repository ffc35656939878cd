import type { AnalysedEntry } from './analysed-entry.js';

/** Main thread → worker: a chunk of feature rows (JSON texts) to analyse. */
export interface ChunkMessage {
  seq: number;
  texts: string[];
}

/** Worker → main thread: the chunk's entries, or why it could not be analysed. */
export type ChunkReply = { seq: number; entries: AnalysedEntry[] } | { seq: number; error: { message: string; stack: string | null } };
