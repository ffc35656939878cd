import type { ReportIdentities } from '../../report/report-input.js';
import type { AnalysedEntry } from './analysed-entry.js';

/**
 * Analysed entries (in the contract's order) as the report's identities: every part was rendered by the thread that
 * analysed the identity; here each row only learns its place in the contract's order.
 */
export function reportIdentitiesOf(entries: readonly AnalysedEntry[], detailChunks: readonly string[]): ReportIdentities {
  return {
    count: entries.length,
    *entries() {
      let index = 0;
      for (const entry of entries) {
        const parts = entry.report;
        if (parts === null) throw new Error('the analysis was not asked for the report\'s parts');
        const at = index;
        yield { row: () => ({ index: at, ...parts.row }), plan: () => parts.plan, json: () => entry.json, csv: () => parts.csv, detail: () => ({ chunk: parts.chunk, position: parts.position }) };
        index += 1;
      }
    },
    detailChunks: () => detailChunks,
  };
}
