import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../src/sources/demo/index.js';
import { importPaths } from '../../src/sources/import/index.js';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli-process.js';
import { after, runUntilKilled } from './killed-cli.js';
import { digestProblems, seriesRow, type KillPoint } from './kill-series.js';
import type { ResultRow } from './results.js';
import { storeVerdict } from './store-checks.js';

export interface AnalyzeInput {
  /** A store to analyze (copied for each run, never written). */
  db: string;
  policy: string;
  asOf: string;
  label: string;
}

function analyzeArgs(db: string, input: AnalyzeInput): string[] {
  return ['analyze', '--db', db, '--policy', input.policy, '--as-of', input.asOf, '--format', 'json'];
}

/** The newest snapshot's rows without its number and clock (they differ between runs by design), and how many there are. */
async function lastSnapshot(db: string): Promise<{ count: number; digest: Record<string, string> }> {
  const store = await openStore(db, { readOnly: true });
  try {
    const [head] = await store.all<{ n: number; id: number | null }>('SELECT count(*)::INTEGER AS n, max(id) AS id FROM snapshots');
    const id = head?.id ?? 0;
    const digest: Record<string, string> = {};
    for (const [table, key, order] of [
      ['snapshots', 'id', 'command'],
      ['snapshot_identities', 'snapshot_id', 'id'],
      ['snapshot_automation', 'snapshot_id', 'file, line, rule'],
    ] as const) {
      // A snapshot's rows may be those of an earlier one it shares them with (rows_from, migration 008): the state is
      // the same either way, so the pointer is left out and the rows it points to are compared.
      const exclude = table === 'snapshots' ? 'id, taken_at, rows_from' : 'snapshot_id';
      const owner = table === 'snapshots' ? '?' : '(SELECT coalesce(rows_from, id) FROM snapshots WHERE id = ?)';
      const [row] = await store.all<{ n: number; rows: string | null }>(
        `SELECT count(*)::INTEGER AS n, md5(string_agg(CAST(to_json(t) AS VARCHAR), '\n' ORDER BY ${order})) AS rows FROM (SELECT * EXCLUDE (${exclude}) FROM ${table} WHERE ${key} = ${owner}) t`,
        [id],
      );
      digest[table] = `${row?.n ?? 0} ${row?.rows ?? ''}`;
    }
    return { count: head?.n ?? 0, digest };
  } finally {
    store.close();
  }
}

/**
 * A clean analyze (it keeps a snapshot), then one analyze killed at each fraction of the clean run's time: the store
 * must pass the integrity check (a snapshot is whole or absent), and analyzing again must print what the clean run
 * printed and keep the same snapshot.
 */
export async function analyzeKills(work: string, input: AnalyzeInput, fractions: readonly number[], fault: string): Promise<{ points: KillPoint[]; row: ResultRow }> {
  const cleanDb = join(work, 'analyze-clean.duckdb');
  copyFileSync(input.db, cleanDb);
  const before = (await lastSnapshot(cleanDb)).count;
  const started = Date.now();
  const cleanRun = await runCli(analyzeArgs(cleanDb, input));
  const cleanMs = Date.now() - started;
  if (cleanRun.status !== 0) throw new Error(`analyze exited ${cleanRun.status}: ${cleanRun.stderr}`);
  const clean = await lastSnapshot(cleanDb);
  if (clean.count !== before + 1) throw new Error(`the clean analyze kept ${clean.count - before} snapshots, not 1`);

  const points: KillPoint[] = [];
  for (const [index, fraction] of fractions.entries()) {
    const db = join(work, `analyze-killed-${index}.duckdb`);
    copyFileSync(input.db, db);
    const run = await runUntilKilled(analyzeArgs(db, input), after(cleanMs * fraction));
    const verdict = await storeVerdict(db);
    const kept = await lastSnapshot(db).then((snapshot) => snapshot.count - before, () => -1);
    const problems = [...verdict.failed];
    const rerun = await runCli(analyzeArgs(db, input));
    if (rerun.status !== 0) problems.push(`the re-run exited ${rerun.status}: ${rerun.stderr.trim()}`);
    else {
      if (rerun.stdout !== cleanRun.stdout) problems.push('the re-run printed another analysis than the clean run');
      const snapshot = await lastSnapshot(db);
      if (snapshot.count !== before + kept + 1) problems.push(`the re-run kept ${snapshot.count - before - kept} snapshots, not 1`);
      problems.push(...digestProblems(clean.digest, snapshot.digest));
    }
    points.push({ fraction, killed: run.killed, checksPassed: verdict.passed, progress: `${kept} snapshots kept before the kill`, problems });
  }
  const keptBefore = points.filter((point) => point.progress.startsWith('1 ')).length;
  return { points, row: seriesRow(`analyze: ${input.label}, keeping a governance snapshot`, fault, points, `${keptBefore} after the snapshot was kept`) };
}

/**
 * The demo tenant imported, and its sample repository scanned into the store (so snapshots hold breaking code too):
 * what analyze reads in the kill tests.
 */
export async function analyzeFixture(work: string): Promise<AnalyzeInput> {
  const demo = await generateDemo({ outDir: join(work, 'demo'), signIns: 0 });
  const db = join(work, 'analyze-input.duckdb');
  const store = await openStore(db);
  try {
    await importPaths(store, [demo.dataDir]);
  } finally {
    store.close();
  }
  const scan = await runCli(['scan', '--db', db, '--format', 'json', demo.repoDir]);
  if (scan.status !== 0) throw new Error(`scan exited ${scan.status}: ${scan.stderr}`);
  return { db, policy: demo.configPath, asOf: demo.asOf, label: `the demo tenant (${demo.counts.users} users, ${demo.counts.workloads} workloads) and its sample repository scanned` };
}
