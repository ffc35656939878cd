import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { constants, createGunzip } from 'node:zlib';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TextDecoder } from 'node:util';
import { QUARANTINE_RAW_LIMIT } from './quarantine.js';

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
 * How a file's bytes are text: UTF-8 (with or without a BOM), or UTF-16 told by its BOM, which Windows PowerShell 5.1's
 * `Out-File` and `>` write (little-endian). Such files are real exports and read like any other.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export function encodingOf(first: Uint8Array): TextEncodingName {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * The file's text in chunks, gunzipped when it starts with the gzip magic (whatever its name), decoded by its BOM (see
 * encodingOf; the BOM itself is dropped). Invalid bytes become U+FFFD, so a record holding them fails its own parse and
 * is quarantined with its line instead of stopping the file. A truncated gzip or a read error ends the stream early:
 * everything decoded so far is yielded, and `state.error` says what happened to the rest.
 */
export async function* textChunks(path: string, state: ReadState, encoding?: { name: TextEncodingName }): AsyncGenerator<string> {
  const gzip = isGzip(path);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  // SYNC_FLUSH: a truncated gzip yields everything decodable, always the same bytes, instead of an error racing the last chunk.
  const source = gzip ? file.pipe(createGunzip({ finishFlush: constants.Z_SYNC_FLUSH })) : file;
  if (gzip) file.on('error', (error) => source.destroy(error));
  let decoder: TextDecoder | null = null;
  // The encoding is told from the first two bytes, which a stream may deliver one at a time.
  let pending: Buffer = Buffer.alloc(0);
  const decode = (bytes: Buffer, end: boolean): string => {
    if (decoder === null) {
      pending = Buffer.concat([pending, bytes]);
      if (pending.length < 2 && !end) return '';
      const name = encodingOf(pending);
      if (encoding) encoding.name = name;
      decoder = new TextDecoder(name, { fatal: false, ignoreBOM: false });
      bytes = pending;
    }
    return decoder.decode(bytes, { stream: !end });
  };
  try {
    for await (const chunk of source) {
      if (!(chunk instanceof Buffer)) continue;
      const text = decode(chunk, false);
      if (text.length > 0) yield text;
    }
    const rest = decode(Buffer.alloc(0), true);
    if (rest.length > 0) yield rest;
    if (gzip) {
      const problem = await gzipProblem(path);
      if (problem !== null) state.error = `truncated or corrupt gzip: ${problem}`;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    state.error = gzip ? `truncated or corrupt gzip: ${message}` : `read error: ${message}`;
    const rest = decode(Buffer.alloc(0), true);
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

/** The first `limit` characters, enough to detect the format, and the encoding they were read in. */
export async function readHead(path: string, limit = 65536): Promise<{ head: string; encoding: TextEncodingName }> {
  const state: ReadState = { error: null };
  const encoding: { name: TextEncodingName } = { name: 'utf-8' };
  let head = '';
  for await (const chunk of textChunks(path, state, encoding)) {
    head += chunk;
    if (head.length >= limit) break;
  }
  return { head: head.slice(0, limit), encoding: encoding.name };
}

/**
 * The longest record the import reads, in characters: DuckDB's JSON reader stops at 16 MiB objects by default
 * (`maximum_object_size`), and a sign-in or an Activity log event is a few kilobytes. A longer line is quarantined
 * unread, and its tail is skipped as it streams past, so a 100 MB line costs neither its size in memory nor a
 * quadratic join of its chunks.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export interface NumberedLine {
  line: number;
  /** The line, or only its first QUARANTINE_RAW_LIMIT characters when it is `oversized`. */
  text: string;
  /** Longer than MAX_RECORD_CHARS: quarantine it, do not parse it. */
  oversized: boolean;
}

/**
 * The text as numbered lines (1-based), streamed: memory stays at one chunk plus one line (at most MAX_RECORD_CHARS),
 * whatever the file size. Carriage returns before newlines are dropped; blank lines are skipped but still counted.
 */
export async function* numberedLines(path: string, state: ReadState, maxChars = MAX_RECORD_CHARS): AsyncGenerator<NumberedLine> {
  // The start of the current line, in pieces: joined once when its newline arrives.
  let pieces: string[] = [];
  let length = 0;
  // The head of a line that outgrew maxChars, kept for the quarantine while the rest of it is skipped.
  let oversizedHead: string | null = null;
  let line = 0;
  const finish = (content: string): NumberedLine | null => {
    line += 1;
    if (oversizedHead !== null) {
      const head = oversizedHead;
      oversizedHead = null;
      return { line, text: head, oversized: true };
    }
    const text = content.endsWith('\r') ? content.slice(0, -1) : content;
    return text.trim().length > 0 ? { line, text, oversized: false } : null;
  };
  for await (const chunk of textChunks(path, state)) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, end);
      const whole = pieces.length === 0 ? piece : pieces.join('') + piece;
      pieces = [];
      length = 0;
      start = end + 1;
      if (oversizedHead === null && whole.length > maxChars) oversizedHead = whole.slice(0, QUARANTINE_RAW_LIMIT);
      const next = finish(whole);
      if (next !== null) yield next;
    }
    if (oversizedHead !== null) continue;
    const rest = chunk.slice(start);
    pieces.push(rest);
    length += rest.length;
    if (length > maxChars) {
      oversizedHead = pieces.join('').slice(0, QUARANTINE_RAW_LIMIT);
      pieces = [];
      length = 0;
    }
  }
  if (oversizedHead !== null || length > 0) {
    const next = finish(pieces.join(''));
    if (next !== null) yield next;
  }
}
