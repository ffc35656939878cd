import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'test', 'fixtures', 'import');
const work = mkdtempSync(join(tmpdir(), 'unattended-big-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LINES = 3000;
const BLANK_LINE = 1200;
const BAD_LINES = [1500, 2600];

/** One JSON Lines file of diagnostic sign-ins with fresh IDs, a blank line and two bad lines (so chunks take the line-numbered path too). */
function writeBigFile(path: string, lines = LINES): void {
  const templates = readFileSync(join(FIXTURES, 'equivalence', 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
  const out: string[] = [];
  for (let n = 1; n <= lines; n += 1) {
    if (n === BLANK_LINE) out.push('');
    // A cut sign-in is quarantined by the SQL normaliser, a line that is not JSON by the line reader: both name the file's line.
    else if (n === BAD_LINES[0]) out.push(`{"category": "SignInLogs", "properties": {"id": "cut-${n}`);
    else if (n === BAD_LINES[1]) out.push('not JSON at all');
    else out.push((templates[n % templates.length] ?? '').replace(/"id": "[^"]+"/u, `"id": "00000000-0000-4000-8000-${String(n).padStart(12, '0')}"`));
  }
  writeFileSync(path, `${out.join('\n')}\n`);
}

interface StoreState {
  signIns: number;
  batches: { file: string; read: number; stored: number; duplicates: number; quarantined: number }[];
  quarantineLines: number[];
  unfinished: number;
  rolledSignIns: number;
  summary: string;
  ids: string;
}

async function state(db: string): Promise<StoreState> {
  const store = await openStore(db);
  try {
    const [row] = await store.all<{ sign_ins: number; unfinished: number; rolled: number | null; summary: string | null; ids: string }>(
      `SELECT (SELECT count(*) FROM sign_ins) AS sign_ins, (SELECT count(*) FROM batches WHERE finished_at IS NULL) AS unfinished,
              (SELECT sum(n)::INTEGER FROM sign_in_cells) AS rolled,
              (SELECT CAST(to_json(list(s ORDER BY s.pid)) AS VARCHAR) FROM sign_in_summary s) AS summary,
              (SELECT md5(string_agg(id || CAST(created_at AS VARCHAR) || coalesce(mfa_basis, '-'), ',' ORDER BY id, created_at)) FROM sign_ins) AS ids`,
    );
    if (!row) throw new Error('no state');
    const batches = await store.all<StoreState['batches'][number]>('SELECT file, read, stored, duplicates, quarantined FROM batches ORDER BY started_at, read');
    const quarantine = await store.all<{ line: number }>('SELECT line FROM quarantine ORDER BY line');
    return {
      signIns: row.sign_ins, batches, quarantineLines: quarantine.map((q) => q.line), unfinished: row.unfinished,
      rolledSignIns: row.rolled ?? 0, summary: row.summary ?? '', ids: row.ids,
    };
  } finally {
    store.close();
  }
}

async function importWith(db: string, path: string, chunkBytes?: number): Promise<{ read: number; stored: number; duplicates: number; quarantined: number; error: string | null }> {
  const store = await openStore(db);
  try {
    const summary = await importPaths(store, [path], chunkBytes === undefined ? {} : { chunkBytes });
    const [file] = summary.files;
    if (!file) throw new Error('no file in the summary');
    return { read: file.read, stored: file.stored, duplicates: file.duplicates, quarantined: file.quarantined, error: file.error };
  } finally {
    store.close();
  }
}

describe('a JSON Lines file bigger than a chunk is imported chunk by chunk, each chunk its own batch', () => {
  const big = join(work, 'big.jsonl');
  writeBigFile(big);
  // A third of the file, plus a byte: three chunks (the first two reach the size, the rest is the third).
  const third = Math.floor(statSync(big).size / 3) + 1;

  it('stores the same rows as the whole file, with three batches and the file\'s own line numbers in quarantine', async () => {
    const wholeDb = join(work, 'whole.duckdb');
    const chunkedDb = join(work, 'chunked.duckdb');
    const wholeCounts = await importWith(wholeDb, big);
    const chunkedCounts = await importWith(chunkedDb, big, third);
    const expected = { read: LINES - 1, stored: LINES - 1 - BAD_LINES.length, duplicates: 0, quarantined: BAD_LINES.length, error: null };
    expect(wholeCounts).toEqual(expected);
    expect(chunkedCounts).toEqual(expected);
    const whole = await state(wholeDb);
    const chunked = await state(chunkedDb);
    expect(whole.batches).toHaveLength(1);
    expect(chunked.batches).toHaveLength(3);
    expect(new Set(chunked.batches.map((batch) => batch.file))).toEqual(new Set([whole.batches[0]?.file]));
    expect(chunked.batches.reduce((sum, batch) => sum + batch.read, 0)).toBe(LINES - 1);
    // Each bad line is in its own chunk (the second and the third), named by its line in the file.
    expect(chunked.batches.map((batch) => batch.quarantined).sort()).toEqual([0, 1, 1]);
    expect(chunked.quarantineLines).toEqual(BAD_LINES);
    expect(whole.quarantineLines).toEqual(BAD_LINES);
    expect({ ...chunked, batches: null }).toEqual({ ...whole, batches: null });
    expect(chunked.signIns).toBe(LINES - 1 - BAD_LINES.length);
  }, 120_000);

  it('re-importing the chunked file stores nothing', async () => {
    const db = join(work, 'again.duckdb');
    await importWith(db, big, third);
    expect(await importWith(db, big, third)).toEqual({ read: LINES - 1, stored: 0, duplicates: LINES - 1 - BAD_LINES.length, quarantined: BAD_LINES.length, error: null });
  }, 120_000);

  it('killed with SIGKILL mid-file, leaves whole chunks only, and a re-run completes it without duplicates', async () => {
    const cleanDb = join(work, 'clean.duckdb');
    const started = Date.now();
    await runChunked(cleanDb, big, 500_000);
    const cleanMs = Date.now() - started;
    const clean = await state(cleanDb);
    const chunks = clean.batches.length;
    expect(chunks).toBeGreaterThan(5);
    const partial: number[] = [];
    // Until a kill lands between chunks (the process start-up is part of cleanMs, and the machine's load varies):
    // usually the first. Every round checks the kill and the re-run.
    for (const fraction of [0.6, 0.35, 0.85]) {
      const db = join(work, `killed-${fraction}.duckdb`);
      await runChunked(db, big, 500_000, Math.round(cleanMs * fraction));
      const killed = await state(db);
      expect(killed.unfinished).toBe(0);
      // Whatever committed is whole chunks: each batch's stored sign-ins are in the table, and in the rollups.
      expect(killed.batches.reduce((sum, batch) => sum + batch.stored, 0)).toBe(killed.signIns);
      expect(killed.rolledSignIns).toBe(killed.signIns);
      partial.push(killed.batches.length);
      await runChunked(db, big, 500_000);
      const after = await state(db);
      expect({ signIns: after.signIns, ids: after.ids, summary: after.summary, rolled: after.rolledSignIns }).toEqual({
        signIns: clean.signIns, ids: clean.ids, summary: clean.summary, rolled: clean.signIns,
      });
      // The re-run stored exactly what the kill left out.
      expect(after.batches.reduce((sum, batch) => sum + batch.stored, 0)).toBe(clean.signIns);
      if (killed.batches.length > 0 && killed.batches.length < chunks) break;
    }
    // At least one kill landed inside the file, between its chunks.
    expect(partial.some((batches) => batches > 0 && batches < chunks)).toBe(true);
  }, 600_000);
});

/** The import in its own process (the chunk size is internal, so through a fixture script), killed after `killAfterMs` when given. */
async function runChunked(db: string, path: string, chunkBytes: number, killAfterMs?: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, 'run-import-chunked.ts'), db, String(chunkBytes), path], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' },
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const closed = new Promise<number | null>((done) => child.on('close', done));
  if (killAfterMs === undefined) {
    expect(await closed, Buffer.concat(stderr).toString('utf8')).toBe(0);
    return;
  }
  await new Promise((done) => setTimeout(done, killAfterMs));
  child.kill('SIGKILL');
  await closed;
}
