import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isGzip, numberedLines, type ReadState } from './file-text.js';

/**
 * Text of a JSON Lines file per chunk, above which a file is imported chunk by chunk (each chunk its own batch).
 * A batch's rows sit in DuckDB twice at most (the chunk being read beside the one being written), so this bounds
 * the import's memory whatever the file's size; blob exports (hourly PT1H.json files) are mostly below it and go whole.
 */
export const DEFAULT_CHUNK_BYTES = 64 * 1024 * 1024;

/**
 * How much text a gzip file is assumed to hold per byte when deciding whether to chunk it: JSON logs compress 10-20×,
 * so the high end keeps a compressed file that would be a large text out of the whole-file path.
 */
const GZIP_RATIO = 20;

/** One chunk of a file: a plain JSON Lines file of its own whose line L is line `lineOffset + L` of the original. */
export interface FileChunk {
  path: string;
  lineOffset: number;
  /** Set on the last chunk: what could not be read of the original (a truncated gzip, an I/O error). */
  tailError: string | null;
}

/** Whether `path` is too large to be one batch: its (estimated) text exceeds `chunkBytes`. */
export function needsChunks(path: string, chunkBytes: number): boolean {
  const size = statSync(path).size;
  return (isGzip(path) ? size * GZIP_RATIO : size) > chunkBytes;
}

/**
 * Split a JSON Lines file (gzipped or not) into chunk files in `dir`, lazily: the next chunk is written only when
 * asked for, so at most the chunks the caller still holds are on disk. Lines are never cut, blank lines are kept
 * (as empty lines) so that a chunk's line numbers map back to the original's, and memory stays at one line plus the
 * read buffer. The caller deletes each chunk once its batch is over.
 */
export async function* fileChunks(path: string, dir: string, chunkBytes: number): AsyncGenerator<FileChunk> {
  const state: ReadState = { error: null };
  let index = 0;
  let fd: number | null = null;
  let chunk: FileChunk | null = null;
  let written = 0;
  /** The original line number of the last line written. */
  let lastLine = 0;
  try {
    for await (const { line, text } of numberedLines(path, state)) {
      if (fd !== null && chunk !== null && written >= chunkBytes) {
        closeSync(fd);
        fd = null;
        // Another line follows, so this is not the last chunk: no tail error can belong to it.
        yield chunk;
      }
      if (fd === null) {
        index += 1;
        chunk = { path: join(dir, `chunk-${index}.jsonl`), lineOffset: lastLine, tailError: null };
        fd = openSync(chunk.path, 'w');
        written = 0;
      }
      const gap = line - lastLine - 1;
      const bytes = `${gap > 0 ? '\n'.repeat(gap) : ''}${text}\n`;
      writeSync(fd, bytes);
      written += Buffer.byteLength(bytes);
      lastLine = line;
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  // The last chunk carries what could not be read; a file with no readable line still gives one (empty) chunk for it.
  const last = chunk ?? { path: join(dir, 'chunk-1.jsonl'), lineOffset: 0, tailError: null };
  if (chunk === null) closeSync(openSync(last.path, 'w'));
  yield { ...last, tailError: state.error };
}
