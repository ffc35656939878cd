import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RESULTS_DIR, type ResultRow } from './results-table.js';

export interface CaseSpec {
  /** What was attacker-controlled: `import: diagnostic JSON Lines`, `scan: YAML pipeline`, `output: SARIF`… */
  input: string;
  /** What was wrong with it: `truncated mid-record`, `gzip bomb (1 GiB of spaces)`… */
  fault: string;
  /** The outcome the test asserts, in words, as SECURITY.md shows it. Bounds, never measurements: the table is stable. */
  result: string;
  /** How many inputs the case tries (fuzz runs, regexes); 1 by default. */
  cases?: number;
  /**
   * A defence that is known to be missing (as a detector's `todoruleid:`): the case must still FAIL, is recorded with
   * 0 passed and its result marked KNOWN GAP, and turns red the day it passes, to be promoted to a case.
   */
  knownGap?: boolean;
}

export const KNOWN_GAP = 'KNOWN GAP: ';

/**
 * A suite of adversarial cases that records what it tried in `test/adversarial/results/<file>.json`: each case is one
 * `it`, counted passed only when its assertions held, and a last test compares the file with what this run found.
 * Vitest's file snapshot does the comparing, so `vitest -u` rewrites it and CI (no writes) fails when it is stale;
 * then `npm run security:table` turns every results file into SECURITY.md's table.
 */
export function adversarialSuite(suite: string, file: string): { case: (spec: CaseSpec, body: () => Promise<void> | void, timeout?: number) => void; recordResults: () => void } {
  const rows: ResultRow[] = [];
  return {
    case(spec, body, timeout) {
      const row: ResultRow = { input: spec.input, fault: spec.fault, cases: spec.cases ?? 1, passed: 0, result: spec.knownGap ? `${KNOWN_GAP}${spec.result}` : spec.result };
      rows.push(row);
      if (spec.knownGap) {
        it.fails(`${spec.input} — ${spec.fault}: ${row.result}`, body, timeout);
        return;
      }
      it(`${spec.input} — ${spec.fault}: ${spec.result}`, async () => {
        await body();
        row.passed = row.cases;
      }, timeout);
    },
    recordResults() {
      it(`records its results in test/adversarial/results/${file}`, async () => {
        await expect(`${JSON.stringify({ suite, rows }, null, 2)}\n`).toMatchFileSnapshot(join(RESULTS_DIR, file));
      });
    },
  };
}
