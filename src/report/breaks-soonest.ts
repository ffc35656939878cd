import { verdictRank } from './presentation.js';
import type { ReportEntry } from './report-input.js';
import type { TableRow } from './view-model/view-types.js';

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Broken first (they fail today), then by the date they break, then automation before people, then by name. */
export function compareSoonest(a: TableRow, b: TableRow): number {
  return (
    verdictRank(a.verdict) - verdictRank(b.verdict) ||
    byCodeUnits(a.breaksOn ?? '', b.breaksOn ?? '') ||
    Number(b.class === 'service-account') - Number(a.class === 'service-account') ||
    byCodeUnits(a.displayName, b.displayName)
  );
}

/**
 * The `limit` most urgent broken or breaking identities. Entries come in the contract's order, where every broken and
 * breaking identity precedes the others, so the walk stops at the first that is neither; only `limit` are kept.
 */
export function breaksSoonest(entries: Iterable<ReportEntry>, limit: number): TableRow[] {
  const kept: TableRow[] = [];
  for (const entry of entries) {
    const identity = entry.row();
    if (identity.verdict !== 'broken' && identity.verdict !== 'breaks') break;
    const at = kept.findIndex((other) => compareSoonest(identity, other) < 0);
    if (at < 0) kept.push(identity);
    else kept.splice(at, 0, identity);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
