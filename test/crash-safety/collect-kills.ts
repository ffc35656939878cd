import { join } from 'node:path';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli-process.js';
import { collectArgs, startFake, storeDigest, type DemoFixture } from '../fake-azure/harness.js';
import { runUntilKilled, when } from './killed-cli.js';
import { digestProblems, seriesRow, type KillPoint } from './kill-series.js';
import type { ResultRow } from './results.js';
import { storeVerdict } from './store-checks.js';

async function completeWindows(db: string): Promise<number> {
  const store = await openStore(db, { readOnly: true });
  try {
    const [row] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM collect_checkpoints WHERE endpoint LIKE 'graph.signIns.%' AND state = 'complete'");
    return row?.n ?? 0;
  } finally {
    store.close();
  }
}

/**
 * A clean collect from the fake Azure, then one collect killed at each fraction of the requests the clean run made
 * (directory, sign-in windows, Activity log, whatever was under way): the killed store must pass the integrity check,
 * and collecting again must leave what the clean run left.
 */
export async function collectKills(fixture: DemoFixture, window: { since: string; until: string }, fractions: readonly number[], fault: string): Promise<{ points: KillPoint[]; row: ResultRow }> {
  const options = { tenant: fixture.tenant, signInPageSize: 100, activityPageSize: 100 };
  const cleanDb = join(fixture.work, 'collect-clean.duckdb');
  const cleanFake = await startFake(fixture.work, options);
  let cleanRequests: number;
  try {
    const run = await runCli(collectArgs(cleanFake, cleanDb, window.since, window.until));
    if (run.status !== 0) throw new Error(`collect exited ${run.status}: ${run.stderr}`);
    cleanRequests = cleanFake.server.log.length;
  } finally {
    await cleanFake.close();
  }
  const clean = await storeDigest(cleanDb);
  const cleanVerdict = await storeVerdict(cleanDb);
  if (cleanVerdict.failed.length > 0) throw new Error(`the clean collect is not whole: ${cleanVerdict.failed.join('; ')}`);

  const points: KillPoint[] = [];
  for (const [index, fraction] of fractions.entries()) {
    const db = join(fixture.work, `collect-killed-${index}.duckdb`);
    const fake = await startFake(fixture.work, options);
    try {
      const run = await runUntilKilled(collectArgs(fake, db, window.since, window.until), when(() => fake.server.log.length >= cleanRequests * fraction));
      const verdict = await storeVerdict(db);
      const windows = await completeWindows(db).catch(() => -1);
      const problems = [...verdict.failed];
      const resumed = await runCli(collectArgs(fake, db, window.since, window.until));
      if (resumed.status !== 0) problems.push(`the re-run exited ${resumed.status}: ${resumed.stderr.trim()}`);
      else problems.push(...digestProblems(clean, await storeDigest(db)));
      points.push({ fraction, killed: run.killed, checksPassed: verdict.passed, progress: `${windows} sign-in windows complete`, problems });
    } finally {
      await fake.close();
    }
  }
  const partway = points.filter((point) => !point.progress.startsWith('0 ')).length;
  const input = `collect: the demo tenant from the fake Azure (Graph, ARM), ${window.since} to ${window.until}, ${cleanRequests} requests`;
  return { points, row: seriesRow(input, fault, points, `${partway} after some sign-in windows were complete`) };
}
