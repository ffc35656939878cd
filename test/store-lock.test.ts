import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../src/sources/import/index.js';
import { openStore, type Store } from '../src/store/store.js';
import { lockLine } from './crash-safety/lock-message.js';
import { storeVerdict } from './crash-safety/store-checks.js';
import { REPO_ROOT, runCli } from './helpers/cli-process.js';

/**
 * Another process holding the store: DuckDB lets one process write a file, or any number read it. This test's worker
 * holds the lock (for writing, then for reading) while the CLI runs in a child: each command either works or says so
 * in one line naming the store and the holder, exit 2, and the store stays whole.
 */
const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures', 'import');
const work = mkdtempSync(join(tmpdir(), 'unattended-store-lock-'));
const db = join(work, 'held.duckdb');
const exports = join(work, 'exports');

beforeAll(async () => {
  mkdirSync(exports, { recursive: true });
  writeFileSync(join(exports, 'signins.jsonl'), readFileSync(join(FIXTURES, 'equivalence', 'diagnostic.jsonl')));
  copyFileSync(join(FIXTURES, 'graph-json', 'users.json'), join(exports, 'users.json'));
  const store = await openStore(db);
  try {
    await importPaths(store, [exports]);
  } finally {
    store.close();
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function holding<T>(readOnly: boolean, work: () => Promise<T>): Promise<T> {
  const holder: Store = await openStore(db, { readOnly });
  try {
    return await work();
  } finally {
    holder.close();
  }
}

describe('a store another process holds', () => {
  it('while it is written: import, analyze, serve and verify-store each print the one lock line and exit 2', async () => {
    const runs = await holding(false, async () => ({
      import: await runCli(['import', '--db', db, exports]),
      analyze: await runCli(['analyze', '--db', db, '--format', 'json']),
      serve: await runCli(['serve', '--db', db]),
      verify: await runCli(['verify-store', '--db', db]),
    }));
    for (const [command, run] of Object.entries(runs)) {
      expect([command, run.status, run.stdout]).toEqual([command, 2, '']);
      expect(run.stderr).toMatch(lockLine(db));
    }
    expect(runs.import.stderr).toContain(`(PID ${process.pid}, `);
    expect(await storeVerdict(db)).toMatchObject({ failed: [] });
  });

  it('while it is read: import is refused with the lock line; analyze goes ahead without its snapshot and says why; verify-store reads it', async () => {
    const runs = await holding(true, async () => ({
      import: await runCli(['import', '--db', db, exports]),
      analyze: await runCli(['analyze', '--db', db, '--format', 'json']),
      verify: await runCli(['verify-store', '--db', db]),
    }));
    expect([runs.import.status, runs.import.stdout]).toEqual([2, '']);
    expect(runs.import.stderr).toMatch(lockLine(db));
    expect(runs.analyze.status).toBe(0);
    expect(JSON.parse(runs.analyze.stdout)).toMatchObject({ schemaVersion: 1 });
    expect(runs.analyze.stderr).toMatch(lockLine(db, { prefix: 'unattended: no snapshot kept: ', hint: false }));
    expect([runs.verify.status, runs.verify.stdout.split('\n')[0]]).toEqual([0, `store ${db}: whole (12 checks passed, 0 failed, 0 skipped)`]);
  });
});
