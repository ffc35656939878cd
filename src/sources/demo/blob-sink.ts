/**
 * Appends JSON lines to the export's blob files with bounded memory: lines are buffered per file and written
 * once a buffer passes a threshold, awaiting each write, so a fast generator waits for the disk.
 */
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const FLUSH_BYTES = 1 << 20;


export interface BlobSink {
  append(relativePath: string, line: string): void;
  /** Write out every buffer past the threshold (or all, with force). */
  flush(force?: boolean): Promise<void>;
  /** Flush and close every open file. */
  closeAll(): Promise<void>;
  /** Relative paths written so far, in the order first opened. */
  readonly paths: readonly string[];
}

export function createBlobSink(root: string): BlobSink {
  const handles = new Map<string, FileHandle | null>();
  const pending = new Map<string, string[]>();
  const paths: string[] = [];
  let buffered = 0;

  async function handleFor(relativePath: string): Promise<FileHandle> {
    const existing = handles.get(relativePath);
    if (existing) return existing;
    const file = join(root, relativePath);
    await mkdir(dirname(file), { recursive: true });
    const created = await open(file, 'a');
    handles.set(relativePath, created);
    return created;
  }

  async function writeOut(relativePath: string, lines: string[]): Promise<void> {
    const handle = await handleFor(relativePath);
    await handle.write(lines.join(''));
  }

  return {
    paths,
    append(relativePath, line) {
      let lines = pending.get(relativePath);
      if (!lines) {
        lines = [];
        pending.set(relativePath, lines);
        if (!handles.has(relativePath)) {
          handles.set(relativePath, null);
          paths.push(relativePath);
        }
      }
      lines.push(`${line}\n`);
      buffered += line.length + 1;
    },
    async flush(force = false) {
      if (!force && buffered < FLUSH_BYTES) return;
      for (const [relativePath, lines] of pending) {
        if (lines.length === 0) continue;
        await writeOut(relativePath, lines);
      }
      pending.clear();
      buffered = 0;
    },
    async closeAll() {
      await this.flush(true);
      for (const handle of handles.values()) if (handle) await handle.close();
      handles.clear();
    },
  };
}
