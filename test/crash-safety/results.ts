import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RESULTS_DIR, resultsFileSchema, type ResultRow } from '../adversarial/results-table.js';

export type { ResultRow };

/**
 * Crash safety's rows in the adversarial suite's results (shape and folder: test/adversarial/results-table.ts, which
 * SECURITY.md's table is generated from). Several test files add rows to crash-safety.json: each replaces its own rows
 * (same input and fault), under a lock file, so test files running in parallel do not lose each other's.
 */
export const CRASH_SAFETY_RESULTS = join(RESULTS_DIR, 'crash-safety.json');
const SUITE = 'crash safety, concurrency and dashboard refusals';

async function withLock<T>(path: string, work: () => T): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      // A lock older than the deadline was left by a killed test run: take it.
      if (Date.now() > deadline) break;
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

export async function recordResults(rows: readonly ResultRow[], path = CRASH_SAFETY_RESULTS): Promise<void> {
  mkdirSync(resolve(path, '..'), { recursive: true });
  await withLock(path, () => {
    const kept = existsSync(path) ? resultsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).rows : [];
    const replaced = new Set(rows.map((row) => `${row.input}\u0000${row.fault}`));
    const merged = [...kept.filter((row) => !replaced.has(`${row.input}\u0000${row.fault}`)), ...rows];
    merged.sort((a, b) => a.input.localeCompare(b.input) || a.fault.localeCompare(b.fault));
    writeFileSync(`${path}.tmp`, `${JSON.stringify({ suite: SUITE, rows: merged }, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  });
}
