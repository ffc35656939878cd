import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The adversarial suite's results, as SECURITY.md's generator reads them: every JSON file in
 * test/adversarial/results/ is `{ suite, rows: [{ input, fault, cases, passed, result }] }`. Several test files add rows
 * to crash-safety.json: each replaces its own rows (same input and fault), under a lock file, so test files running in
 * parallel do not lose each other's.
 */
export const RESULTS_DIR = resolve(import.meta.dirname, '..', 'adversarial', 'results');
export const CRASH_SAFETY_RESULTS = join(RESULTS_DIR, 'crash-safety.json');
const SUITE = 'crash safety, concurrency and dashboard refusals';

const resultRowSchema = z.object({
  input: z.string(),
  fault: z.string(),
  cases: z.number().int(),
  passed: z.number().int(),
  result: z.string(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
const resultsSchema = z.object({ suite: z.string(), rows: z.array(resultRowSchema) });

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
    const kept = existsSync(path) ? resultsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).rows : [];
    const replaced = new Set(rows.map((row) => `${row.input}\u0000${row.fault}`));
    const merged = [...kept.filter((row) => !replaced.has(`${row.input}\u0000${row.fault}`)), ...rows];
    merged.sort((a, b) => a.input.localeCompare(b.input) || a.fault.localeCompare(b.fault));
    writeFileSync(`${path}.tmp`, `${JSON.stringify({ suite: SUITE, rows: merged }, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  });
}
