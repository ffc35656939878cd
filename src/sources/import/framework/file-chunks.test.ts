import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks, needsChunks, type FileChunk } from './file-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'unattended-chunks-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(path: string, out: string, bytes: number): Promise<{ chunk: FileChunk; text: string }[]> {
  const chunks: { chunk: FileChunk; text: string }[] = [];
  for await (const chunk of fileChunks(path, out, bytes)) chunks.push({ chunk, text: readFileSync(chunk.path, 'utf8') });
  return chunks;
}

describe('fileChunks', () => {
  it('cuts at line ends once a chunk holds the size, keeps blank lines so chunk lines map back to the file', async () => {
    const path = join(dir, 'lines.jsonl');
    // 11 bytes per line with its newline; line 4 is blank, line 6 ends with CRLF.
    writeFileSync(path, '{"n":"01"}\n{"n":"02"}\n{"n":"03"}\n\n{"n":"05"}\n{"n":"06"}\r\n{"n":"07"}');
    const out = mkdtempSync(join(dir, 'out-'));
    const chunks = await collect(path, out, 20);
    expect(chunks.map(({ chunk, text }) => ({ offset: chunk.lineOffset, error: chunk.tailError, text }))).toEqual([
      { offset: 0, error: null, text: '{"n":"01"}\n{"n":"02"}\n' },
      { offset: 2, error: null, text: '{"n":"03"}\n\n{"n":"05"}\n' },
      { offset: 5, error: null, text: '{"n":"06"}\n{"n":"07"}\n' },
    ]);
    // Line 3 of the second chunk is line 5 of the file.
    expect(chunks[1]?.text.split('\n')[2]).toBe('{"n":"05"}');
    expect(readdirSync(out).sort()).toEqual(['chunk-1.jsonl', 'chunk-2.jsonl', 'chunk-3.jsonl']);
  });

  it('reads gzip, and the last chunk carries what could not be read of a truncated one', async () => {
    const lines = Array.from({ length: 2000 }, (_, n) => JSON.stringify({ n, pad: 'x'.repeat(40 + (n % 13)) }));
    const zipped = gzipSync(`${lines.join('\n')}\n`);
    const path = join(dir, 'cut.jsonl.gz');
    writeFileSync(path, zipped.subarray(0, Math.floor(zipped.length * 0.6)));
    const chunks = await collect(path, mkdtempSync(join(dir, 'out-')), 20_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every(({ chunk }) => chunk.tailError === null)).toBe(true);
    expect(chunks.at(-1)?.chunk.tailError).toMatch(/^truncated or corrupt gzip: /u);
    // Every line handed out is a line of the file, in order, at its own number.
    const got = chunks.flatMap(({ chunk, text }) => text.split('\n').filter((line) => line !== '').map((line, index) => ({ line: chunk.lineOffset + index + 1, text: line })));
    expect(got.length).toBeGreaterThan(100);
    for (const { line, text } of got.slice(0, -1)) expect(text).toBe(lines[line - 1]);
  });

  it('chunks a file whose (estimated) text exceeds the size: gzip at 20 bytes of text per byte', () => {
    const plain = join(dir, 'plain.jsonl');
    writeFileSync(plain, 'x'.repeat(1000));
    expect([needsChunks(plain, 999), needsChunks(plain, 1000)]).toEqual([true, false]);
    const zipped = join(dir, 'z.gz');
    writeFileSync(zipped, gzipSync('y'.repeat(100_000)));
    const size = readFileSync(zipped).length;
    expect([needsChunks(zipped, size * 20 - 1), needsChunks(zipped, size * 20)]).toEqual([true, false]);
  });
});
