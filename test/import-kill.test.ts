import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'test', 'fixtures', 'import');
const RUN_CLI = resolve(FIXTURES, 'run-cli.ts');
const work = mkdtempSync(join(tmpdir(), 'unattended-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = 12;
const PER_FILE = 2000;

/** A corpus of diagnostic sign-ins with fresh IDs (two files carry a bad line, so the line-numbered path runs too), plus the Activity log. */
function writeCorpus(dir: string): void {
  const templates = readFileSync(join(FIXTURES, 'equivalence', 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
  let n = 0;
  for (let file = 0; file < FILES; file += 1) {
    const lines: string[] = [];
    for (let i = 0; i < PER_FILE; i += 1) {
      const template = templates[n % templates.length] ?? '';
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      lines.push(template.replace(/"id": "[^"]+"/, `"id": "${id}"`));
      n += 1;
    }
    if (file % 7 === 3) lines.splice(100, 0, '{"category": "SignInLogs", "properties": {"id": "cut');
    const folder = join(dir, 'insights-logs-signinlogs', `h=${String(file).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'PT1H.json'), `${lines.join('\n')}\n`);
  }
  mkdirSync(join(dir, 'activity'), { recursive: true });
  writeFileSync(join(dir, 'activity', 'PT1H.json'), readFileSync(join(FIXTURES, 'diagnostic-jsonl', 'activity-administrative.jsonl')));
}

function importArgs(db: string, corpus: string): string[] {
  return ['--import', 'tsx', RUN_CLI, 'import', '--db', db, '--format', 'json', corpus];
}

/** Asynchronous: a synchronous spawn blocks the test worker for the whole import and vitest's RPC times out. */
async function importFully(db: string, corpus: string): Promise<void> {
  const child = spawn(process.execPath, importArgs(db, corpus), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  expect(status, Buffer.concat(stderr).toString('utf8')).toBe(0);
}

async function killAfter(db: string, corpus: string, milliseconds: number): Promise<void> {
  const child = spawn(process.execPath, importArgs(db, corpus), { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: '1' } });
  // Listen before killing: a child that already finished has already closed.
  const closed = new Promise((done) => child.on('close', done));
  await new Promise((done) => setTimeout(done, milliseconds));
  child.kill('SIGKILL');
  await closed;
}

interface StoreState {
  signIns: number;
  operations: number;
  batches: number;
  unfinished: number;
  storedInBatches: number;
  /** Sign-ins counted by the rollups, and the per-principal summary: they must agree with sign_ins after any kill. */
  rolledSignIns: number;
  summary: string;
}

async function state(db: string): Promise<StoreState> {
  const store = await openStore(db);
  try {
    const [row] = await store.all<{ sign_ins: number; operations: number; batches: number; unfinished: number; stored: number | null }>(
      `SELECT (SELECT count(*) FROM sign_ins) AS sign_ins, (SELECT count(*) FROM operations) AS operations,
              (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM batches WHERE finished_at IS NULL) AS unfinished,
              (SELECT sum(stored) FROM batches) AS stored`,
    );
    if (!row) throw new Error('no state');
    const [rollups] = await store.all<{ rolled: number | null; summary: string | null }>(
      'SELECT (SELECT sum(n)::INTEGER FROM sign_in_cells) AS rolled, (SELECT CAST(to_json(list(s ORDER BY s.pid)) AS VARCHAR) FROM sign_in_summary s) AS summary',
    );
    return {
      signIns: row.sign_ins, operations: row.operations, batches: row.batches, unfinished: row.unfinished, storedInBatches: row.stored ?? 0,
      rolledSignIns: rollups?.rolled ?? 0, summary: rollups?.summary ?? '',
    };
  } finally {
    store.close();
  }
}

describe('an import killed with SIGKILL leaves whole batches only, and re-running completes it', () => {
  it('at several points of a large import, re-import ends with exactly the clean counts', async () => {
    const corpus = join(work, 'corpus');
    writeCorpus(corpus);
    const cleanDb = join(work, 'clean.duckdb');
    const started = Date.now();
    await importFully(cleanDb, corpus);
    const cleanMs = Date.now() - started;
    const clean = await state(cleanDb);
    expect(clean).toMatchObject({ signIns: FILES * PER_FILE, operations: 5, batches: FILES + 1, unfinished: 0, storedInBatches: FILES * PER_FILE + 5, rolledSignIns: FILES * PER_FILE });
    expect(clean.summary.length).toBeGreaterThan(2);

    const partial: number[] = [];
    for (const fraction of [0.15, 0.4, 0.65, 0.9]) {
      const db = join(work, `killed-${fraction}.duckdb`);
      await killAfter(db, corpus, Math.round(cleanMs * fraction));
      const killed = await state(db);
      // Whatever committed is whole: every batch finished, and its stored count is in the tables.
      expect(killed.unfinished).toBe(0);
      expect(killed.storedInBatches).toBe(killed.signIns + killed.operations);
      // The rollups went in with their batches: they count exactly the sign-ins that did.
      expect(killed.rolledSignIns).toBe(killed.signIns);
      partial.push(killed.batches);
      await importFully(db, corpus);
      const after = await state(db);
      expect({ signIns: after.signIns, operations: after.operations, unfinished: after.unfinished }).toEqual({ signIns: clean.signIns, operations: clean.operations, unfinished: 0 });
      expect(after.storedInBatches).toBe(clean.storedInBatches);
      expect(after.rolledSignIns).toBe(clean.signIns);
      expect(after.summary).toBe(clean.summary);
    }
    // At least one kill landed between batches of the import, not before the first or after the last.
    expect(partial.some((batches) => batches > 0 && batches < FILES + 1)).toBe(true);
  }, 600_000);
});
