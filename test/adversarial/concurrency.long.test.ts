import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDigest, writeImportCorpus, type ImportCorpus } from '../crash-safety/import-kills.js';
import { lockLine } from '../crash-safety/lock-message.js';
import { recordResults, type ResultRow } from '../crash-safety/results.js';
import { seededFractions } from '../crash-safety/seeded-points.js';
import { send, ServeExited, startServe } from '../crash-safety/serve-process.js';
import { storeVerdict } from '../crash-safety/store-checks.js';
import { runCli, type CliRun } from '../helpers/cli-process.js';

/**
 * Two commands on one store at once, started at seeded offsets into the first one's run: each either works or prints
 * the one lock line and exits 2; afterwards the store passes the integrity check and holds what a clean run leaves.
 */
const SEED = 4242;
const OFFSETS = 3;
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-concurrency-'));
let corpus: ImportCorpus;
let cleanDb: string;
let clean: Record<string, string>;
let importMs: number;
let analyzeMs: number;
const rows: ResultRow[] = [];

beforeAll(async () => {
  corpus = writeImportCorpus(join(work, 'corpus'), 6, 500);
  cleanDb = join(work, 'clean.duckdb');
  let started = Date.now();
  const run = await runCli(['import', '--db', cleanDb, corpus.dir]);
  importMs = Date.now() - started;
  if (run.status !== 0) throw new Error(run.stderr);
  clean = await importDigest(cleanDb);
  const copy = join(work, 'timing.duckdb');
  copyFileSync(cleanDb, copy);
  started = Date.now();
  await runCli(['analyze', '--db', copy, '--format', 'json']);
  analyzeMs = Date.now() - started;
});

afterAll(async () => {
  await recordResults(rows);
  rmSync(work, { recursive: true, force: true });
});

/** A reader started before the import created the file says so in its own line: also a clear refusal. */
type Outcome = 'worked' | 'lock line' | 'no store yet' | 'other';

function noStoreLine(db: string): string {
  return `unattended: no store at ${db} (run "unattended import" or "unattended demo" first, or pass --db FILE)\n`;
}

function refusal(status: number | null, stderr: string, db: string): Outcome {
  if (status !== 2) return 'other';
  if (lockLine(db).test(stderr)) return 'lock line';
  return stderr === noStoreLine(db) ? 'no store yet' : 'other';
}

function outcome(run: CliRun, db: string): Outcome {
  if (run.status === 0) return 'worked';
  return run.stdout === '' ? refusal(run.status, run.stderr, db) : 'other';
}

function later(milliseconds: number): Promise<void> {
  return new Promise((done) => setTimeout(done, milliseconds));
}

interface Case {
  outcomes: Outcome[];
  problems: string[];
}

/** Start `first`, then `second` after `delayMs`; both outcomes, and the store judged afterwards. */
async function together(db: string, first: readonly string[], second: readonly string[], delayMs: number): Promise<{ first: CliRun; second: CliRun }> {
  const one = runCli(first);
  await later(delayMs);
  const two = runCli(second);
  return { first: await one, second: await two };
}

function summarise(input: string, fault: string, cases: readonly Case[], expectation: string): ResultRow {
  const passed = cases.filter((entry) => entry.problems.length === 0).length;
  const counts = new Map<Outcome, number>();
  for (const entry of cases) for (const value of entry.outcomes) counts.set(value, (counts.get(value) ?? 0) + 1);
  const words: Record<Outcome, string> = { worked: 'worked', 'lock line': 'refused with the one-line lock message (exit 2)', 'no store yet': 'refused as no store yet (exit 2)', other: 'failed otherwise' };
  const said = [...counts].map(([value, n]) => `${n} ${words[value]}`).join(', ');
  return { input, fault, cases: cases.length, passed, result: passed === cases.length ? `${said}; ${expectation}` : `${cases.length - passed} of ${cases.length} failed` };
}

async function judged(db: string, outcomes: Outcome[], equalsClean: boolean): Promise<Case> {
  const problems = outcomes.filter((value) => value === 'other').map(() => 'a command neither worked nor printed a one-line refusal');
  problems.push(...(await storeVerdict(db)).failed);
  if (equalsClean) {
    const digest = await importDigest(db);
    for (const key of Object.keys(clean)) if (digest[key] !== clean[key]) problems.push(`${key} differs from a clean import`);
  }
  return { outcomes, problems };
}

describe('two commands on one store at once', () => {
  it('two imports: one imports, the other imports too or prints the lock line; the store ends as one clean import', async () => {
    const cases: Case[] = [];
    for (const [index, fraction] of seededFractions(SEED, OFFSETS, 0.05, 0.9).entries()) {
      const db = join(work, `two-imports-${index}.duckdb`);
      const args = ['import', '--db', db, corpus.dir];
      const runs = await together(db, args, args, importMs * fraction);
      cases.push(await judged(db, [outcome(runs.first, db), outcome(runs.second, db)], true));
    }
    rows.push(summarise('two imports of the same files into one store', `the second started at ${OFFSETS} seeded offsets into the first (seed ${SEED})`, cases, 'store whole, equal to one clean import'));
    expect(cases.flatMap((entry) => entry.problems)).toEqual([]);
    expect(cases.every((entry) => entry.outcomes.includes('worked'))).toBe(true);
  });

  it('analyze while an import writes, and an import while analyze keeps its snapshot', async () => {
    const cases: Case[] = [];
    for (const [index, fraction] of seededFractions(SEED + 1, OFFSETS, 0.05, 0.9).entries()) {
      const db = join(work, `analyze-during-import-${index}.duckdb`);
      const runs = await together(db, ['import', '--db', db, corpus.dir], ['analyze', '--db', db, '--format', 'json'], importMs * fraction);
      cases.push(await judged(db, [outcome(runs.first, db), outcome(runs.second, db)], true));
    }
    for (const [index, fraction] of seededFractions(SEED + 2, OFFSETS, 0.05, 0.9).entries()) {
      const db = join(work, `import-during-analyze-${index}.duckdb`);
      copyFileSync(cleanDb, db);
      const runs = await together(db, ['analyze', '--db', db, '--format', 'json'], ['import', '--db', db, corpus.dir], analyzeMs * fraction);
      cases.push(await judged(db, [outcome(runs.first, db), outcome(runs.second, db)], true));
    }
    rows.push(summarise('analyze and import on one store at once, each started first', `the other started at ${OFFSETS} seeded offsets (seeds ${SEED + 1}, ${SEED + 2})`, cases, 'store whole, equal to one clean import'));
    expect(cases.flatMap((entry) => entry.problems)).toEqual([]);
  });

  it('an import while serve shows the store works (serve holds it only while it analyses); serve started during an import says the lock line', async () => {
    const cases: Case[] = [];
    const served = join(work, 'served.duckdb');
    copyFileSync(cleanDb, served);
    const serve = await startServe(['--db', served]);
    try {
      const run = await runCli(['import', '--db', served, corpus.dir]);
      const answer = await send(Number(serve.url.port), '/api/overview', { headers: { 'x-unattended-token': serve.token } });
      const result = await judged(served, [outcome(run, served)], true);
      if (answer.status !== 200) result.problems.push(`the dashboard answered ${answer.status} after the import`);
      cases.push(result);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
    for (const [index, fraction] of seededFractions(SEED + 3, OFFSETS, 0.05, 0.9).entries()) {
      const db = join(work, `serve-during-import-${index}.duckdb`);
      const writing = runCli(['import', '--db', db, corpus.dir]);
      await later(importMs * fraction);
      let serveOutcome: Outcome;
      try {
        const started = await startServe(['--db', db]);
        serveOutcome = (await started.stop()) === 0 ? 'worked' : 'other';
      } catch (error) {
        serveOutcome = error instanceof ServeExited ? refusal(error.status, error.stderr, db) : 'other';
      }
      cases.push(await judged(db, [outcome(await writing, db), serveOutcome], true));
    }
    rows.push(summarise('import and serve on one store at once', `import while serve runs; serve started at ${OFFSETS} seeded offsets into an import (seed ${SEED + 3})`, cases, 'store whole, equal to one clean import'));
    expect(cases.flatMap((entry) => entry.problems)).toEqual([]);
  });
});
