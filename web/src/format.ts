import type { Verdict } from '../../src/model/analysis.js';
import { CLASS_LABEL, VERDICT_LABEL } from '../../src/report/presentation.js';

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function plural(value: number, one: string, many: string): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

const POLICY_PREFIX = 'policy:';

/** phase1 / phase2 / policy:<id> / none, as a reader calls them. */
export function phaseLabel(phase: string | null): string {
  if (phase === null || phase === '') return 'No phase';
  if (phase === 'phase1') return 'Phase 1 · portal';
  if (phase === 'phase2') return 'Phase 2 · ARM writes';
  if (phase.startsWith(POLICY_PREFIX)) return `What-if · ${phase.slice(POLICY_PREFIX.length)}`;
  return phase;
}

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABEL[verdict];
}

export { CLASS_LABEL, VERDICT_LABEL };

/** "enforced" or "in N days" from the analysis time (the same words as the terminal). */
export { relativeToAsOf } from '../../src/report/html/enforcement-dates.js';
