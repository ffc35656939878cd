import type { ResultRow } from './results.js';

/** What one kill left: whether the kill landed before the run ended, what the integrity check said, what differed after a re-run. */
export interface KillPoint {
  fraction: number;
  killed: boolean;
  /** Integrity checks passed on the store as the kill left it. */
  checksPassed: number;
  /** How far the killed run got, in the scenario's own words (batches committed, snapshots kept, windows complete). */
  progress: string;
  /** Failed integrity checks, and differences between the re-run and a clean run; empty when the point passed. */
  problems: string[];
}

export function seriesRow(input: string, fault: string, points: readonly KillPoint[], landed: string): ResultRow {
  const passed = points.filter((point) => point.problems.length === 0).length;
  const killed = points.filter((point) => point.killed).length;
  const checks = Math.min(...points.map((point) => point.checksPassed));
  return {
    input,
    fault,
    cases: points.length,
    passed,
    result: passed === points.length
      ? `store whole after every kill (at least ${checks} integrity checks passed each time); re-run equals a clean run; ${killed} kills landed before the end, ${landed}`
      : `${points.length - passed} of ${points.length} kill points failed`,
  };
}

/** The keys of a digest whose values differ, as problems. */
export function digestProblems(clean: Record<string, string>, rerun: Record<string, string>): string[] {
  return Object.keys({ ...clean, ...rerun })
    .filter((key) => clean[key] !== rerun[key])
    .map((key) => `re-run differs from a clean run in ${key}: ${rerun[key] ?? 'missing'} vs ${clean[key] ?? 'missing'}`);
}
