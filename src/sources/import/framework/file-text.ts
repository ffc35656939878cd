import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { constants, createGunzip } from 'node:zlib';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';

/** What went wrong while reading bytes, after the readable part was delivered (a truncated gzip, an I/O error). */
export interface ReadState {
  error: string | null;
}

/** Gzip is told by its magic bytes, not the file name. */
export function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const n = readSync(fd, magic, 0, 2, 0);
    return n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text in chunks, gunzipped when it starts with the gzip magic (whatever its name).
 * A truncated gzip or a read error ends the stream early: everything decoded so far is yielded,
 * and `state.error` says what happened to the rest.
 */
export async function* textChunks(path: string, state: ReadState): AsyncGenerator<string> {
  const gzip = isGzip(path);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  // SYNC_FLUSH: a truncated gzip yields everything decodable, always the same bytes, instead of an error racing the last chunk.
  const source = gzip ? file.pipe(createGunzip({ finishFlush: constants.Z_SYNC_FLUSH })) : file;
  if (gzip) file.on('error', (error) => source.destroy(error));
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of source) {
      if (!(chunk instanceof Buffer)) continue;
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text.length > 0) yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
    if (gzip) {
      const problem = await gzipProblem(path);
      if (problem !== null) state.error = `truncated or corrupt gzip: ${problem}`;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    state.error = gzip ? `truncated or corrupt gzip: ${message}` : `read error: ${message}`;
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    file.destroy();
    source.destroy();
  }
}

/** Whether the gzip stream is complete: a second, strict pass that only looks for the error. */
async function gzipProblem(path: string): Promise<string | null> {
  try {
    await pipeline(createReadStream(path), createGunzip(), new Writable({ write: (_chunk, _encoding, done) => done() }));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The whole text (documents: JSON pages, CSV), with `state.error` set when the tail was unreadable. */
export async function readText(path: string, state: ReadState): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of textChunks(path, state)) parts.push(chunk);
  return parts.join('');
}

/** The first `limit` characters, enough to detect the format. */
export async function readHead(path: string, limit = 65536): Promise<string> {
  const state: ReadState = { error: null };
  let head = '';
  for await (const chunk of textChunks(path, state)) {
    head += chunk;
    if (head.length >= limit) break;
  }
  return head.slice(0, limit);
}

/**
 * The text as numbered lines (1-based), streamed: memory stays at one chunk, whatever the file size.
 * Carriage returns before newlines are dropped; blank lines are skipped but still counted.
 */
export async function* numberedLines(path: string, state: ReadState): AsyncGenerator<{ line: number; text: string }> {
  let carry = '';
  let line = 0;
  for await (const chunk of textChunks(path, state)) {
    const text = carry + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      line += 1;
      const content = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
      if (content.trim().length > 0) yield { line, text: content };
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry.trim().length > 0) yield { line: line + 1, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry };
}
