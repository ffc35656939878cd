import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { runCli } from './helpers/cli-process.js';
import { collectArgs, demoFixture, startFake, storeDigest, type DemoFixture } from './fake-azure/harness.js';
import { storeVerdict } from './crash-safety/store-checks.js';

/**
 * collect killed with SIGKILL half way, then run again: the store ends as a clean run leaves it, and the second run
 * resumes (it does not read again the windows the first one finished).
 */
const ROOT = resolve(import.meta.dirname, '..');
const RUN_CLI = resolve(ROOT, 'test', 'fixtures', 'import', 'run-cli.ts');
const TSX = pathToFileURL(resolve(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const SINCE = '2026-11-14';
const UNTIL = '2026-11-20';

let fixture: DemoFixture;

beforeAll(async () => {
  fixture = await demoFixture('collect-kill');
}, 300_000);

afterAll(() => fixture?.cleanup());

async function checkpointStates(db: string): Promise<Record<string, number>> {
  const store = await openStore(db, { readOnly: true });
  try {
    const rows = await store.all<{ state: string; n: number }>("SELECT state, count(*)::INTEGER AS n FROM collect_checkpoints WHERE endpoint LIKE 'graph.signIns.%' GROUP BY state");
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  } finally {
    store.close();
  }
}

describe('collect killed and run again', () => {
  it('ends with the store a clean run leaves, reading again only what the killed run had not stored', async () => {
    const options = { tenant: fixture.tenant, signInPageSize: 100, activityPageSize: 100 };
    const clean = await startFake(fixture.work, options);
    const cleanDb = join(fixture.work, 'clean.duckdb');
    try {
      const run = await runCli(collectArgs(clean, cleanDb, SINCE, UNTIL));
      expect(run.status, run.stderr).toBe(0);
    } finally {
      await clean.close();
    }
    const cleanSignInPages = clean.server.log.filter((entry) => entry.path.endsWith('/auditLogs/signIns') && entry.status === 200).length;
    const total = clean.server.stats.signInsServed;
    expect(total).toBeGreaterThan(2000);

    // Every answer a little slow, so the kill lands while sign-in windows are being read.
    const fake = await startFake(fixture.work, { ...options, fault: { kind: 'slow', every: 1, delayMs: 40 } });
    const db = join(fixture.work, 'killed.duckdb');
    try {
      const child = spawn(process.execPath, ['--import', TSX, RUN_CLI, ...collectArgs(fake, db, SINCE, UNTIL)], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: '1' } });
      const closed = new Promise((done) => child.on('close', done));
      const deadline = Date.now() + 240_000;
      while (fake.server.stats.signInsServed < total * 0.4 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
      child.kill('SIGKILL');
      await closed;
      const killed = await checkpointStates(db);
      // The store as the kill left it passes the integrity check: batches whole, checkpoints resumable, rollups exact.
      expect((await storeVerdict(db)).failed).toEqual([]);
      // The kill landed half way: some windows done, some not.
      expect(killed['complete'] ?? 0).toBeGreaterThan(0);
      expect(killed['complete'] ?? 0).toBeLessThan(24);

      const firstRequests = fake.server.log.length;
      const resumed = await runCli(collectArgs(fake, db, SINCE, UNTIL));
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(await checkpointStates(db)).toEqual({ complete: 24 });
      const resumedPages = fake.server.log.slice(firstRequests).filter((entry) => entry.path.endsWith('/auditLogs/signIns') && entry.status === 200).length;
      // The second run read only the windows the first had not finished (plus its preflight probe).
      expect(resumedPages).toBeLessThan(cleanSignInPages);
      expect(await storeDigest(db)).toEqual(await storeDigest(cleanDb));
    } finally {
      await fake.close();
    }
  }, 600_000);
});
