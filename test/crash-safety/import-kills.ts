import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from '../../src/store/store.js';
import { REPO_ROOT, runCli } from '../helpers/cli-process.js';
import { afterAppearing, appears, runUntilKilled } from './killed-cli.js';
import { digestProblems, seriesRow, type KillPoint } from './kill-series.js';
import type { ResultRow } from './results.js';
import { storeVerdict, tableDigest } from './store-checks.js';

const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures', 'import');

export interface ImportCorpus {
  dir: string;
  files: number;
  perFile: number;
}

/**
 * A corpus of diagnostic sign-ins with fresh IDs, `files` files of `perFile` lines (every seventh file, from the
 * fourth, carries a line cut short, so the line-numbered quarantine path runs too), plus the Activity log.
 */
export function writeImportCorpus(dir: string, files: number, perFile: number): ImportCorpus {
  const templates = readFileSync(join(FIXTURES, 'equivalence', 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
  let n = 0;
  for (let file = 0; file < files; file += 1) {
    const lines: string[] = [];
    for (let i = 0; i < perFile; i += 1) {
      const template = templates[n % templates.length] ?? '';
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      lines.push(template.replace(/"id": "[^"]+"/u, `"id": "${id}"`));
      n += 1;
    }
    if (file % 7 === 3) lines.splice(100, 0, '{"category": "SignInLogs", "properties": {"id": "cut');
    const folder = join(dir, 'insights-logs-signinlogs', `h=${String(file).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'PT1H.json'), `${lines.join('\n')}\n`);
  }
  mkdirSync(join(dir, 'activity'), { recursive: true });
  writeFileSync(join(dir, 'activity', 'PT1H.json'), readFileSync(join(FIXTURES, 'diagnostic-jsonl', 'activity-administrative.jsonl')));
  return { dir, files, perFile };
}

function importArgs(db: string, corpus: ImportCorpus): string[] {
  return ['import', '--db', db, '--format', 'json', corpus.dir];
}

/** What an import writes, without batch ids (new ones each run, by design). Quarantine and batches grow with each run. */
const IMPORT_DIGEST: readonly (readonly [string, string, string?])[] = [
  ['sign_ins', 'id, kind', 'batch_id'],
  ['operations', 'id', 'batch_id'],
  ['sign_in_cells', 'CAST(to_json(t) AS VARCHAR)'],
  ['sign_in_profiles', 'pid'],
  ['sign_in_sessions', 'pid, session_id'],
  ['sign_in_summary', 'pid'],
];

export function importDigest(db: string): Promise<Record<string, string>> {
  return tableDigest(db, IMPORT_DIGEST);
}

async function batchesIn(db: string): Promise<number> {
  const store = await openStore(db, { readOnly: true });
  try {
    const [row] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM batches');
    return row?.n ?? 0;
  } finally {
    store.close();
  }
}

async function importFully(db: string, corpus: ImportCorpus): Promise<void> {
  const run = await runCli(importArgs(db, corpus));
  if (run.status !== 0) throw new Error(`import exited ${run.status}: ${run.stderr}`);
}

/**
 * A clean import, then one import killed at each fraction of the clean run's time (from when the store file appears): the killed store must pass the
 * integrity check, and importing again must leave exactly what the clean run left.
 */
export async function importKills(work: string, corpus: ImportCorpus, fractions: readonly number[], fault: string): Promise<{ points: KillPoint[]; row: ResultRow }> {
  const cleanDb = join(work, 'import-clean.duckdb');
  // Timed from when the store file appears: the kill points fall in the import's work, not in Node's start.
  const clean0 = importFully(cleanDb, corpus);
  await appears(cleanDb);
  const started = Date.now();
  await clean0;
  const cleanMs = Date.now() - started;
  const clean = await importDigest(cleanDb);
  const cleanVerdict = await storeVerdict(cleanDb);
  if (cleanVerdict.failed.length > 0) throw new Error(`the clean import is not whole: ${cleanVerdict.failed.join('; ')}`);

  const points: KillPoint[] = [];
  for (const [index, fraction] of fractions.entries()) {
    const db = join(work, `import-killed-${index}.duckdb`);
    const run = await runUntilKilled(importArgs(db, corpus), afterAppearing(db, cleanMs * fraction));
    const verdict = await storeVerdict(db);
    const batches = await batchesIn(db).catch(() => -1);
    const problems = [...verdict.failed];
    try {
      await importFully(db, corpus);
      problems.push(...digestProblems(clean, await importDigest(db)));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    points.push({ fraction, killed: run.killed, checksPassed: verdict.passed, progress: `${batches} of ${corpus.files + 1} batches`, problems });
  }
  const between = points.filter((point) => /^([1-9]\d*) of/u.test(point.progress) && !point.progress.startsWith(`${corpus.files + 1} of`)).length;
  const input = `import: ${corpus.files} diagnostic-settings files (${(corpus.files * corpus.perFile).toLocaleString('en-US')} sign-ins, ${Math.floor((corpus.files + 3) / 7)} cut ${Math.floor((corpus.files + 3) / 7) === 1 ? 'line' : 'lines'}) and an Activity log`;
  return { points, row: seriesRow(input, fault, points, `${between} between batches`) };
}

