import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { DataGap } from './identity-features.js';

/**
 * What `collect` recorded about the tenant that the analysis needs: the gaps in the data verdicts rest on (sign-ins and
 * Activity-log windows not complete, with why) and the Phase 1 date the tenant set. A store written only by `import`
 * has neither; one opened read-only before migration 007 has not the table.
 */
const gapRowSchema = z.object({ affects: z.enum(['sign-ins', 'activity-log']), scopes: z.number(), reason: z.string() });

/** Whether the store has `name` (a store opened read-only is not migrated: an older one lacks the newer tables). */
export async function hasTable(store: Store, name: string): Promise<boolean> {
  const [row] = await store.all<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ?',
    [name],
  );
  return (row?.n ?? 0) > 0;
}

export async function loadCollectionFacts(store: Store): Promise<{ dataGaps: DataGap[]; portalEnforcementDate: string | null }> {
  const dataGaps: DataGap[] = [];
  if (await hasTable(store, 'collect_checkpoints')) {
    // Per kind of data: the scopes not complete, and the reason most of them give (ties: the first alphabetically).
    const rows = await store.all(`
      SELECT affects, count(*)::INTEGER AS scopes,
        first(reason ORDER BY n DESC, reason) AS reason
      FROM (
        SELECT affects, coalesce(reason, 'not collected to the end (a run was stopped): run collect again to resume') AS reason,
          count(*) OVER (PARTITION BY affects, coalesce(reason, '')) AS n
        FROM collect_checkpoints WHERE state <> 'complete' AND affects IN ('sign-ins', 'activity-log')
      ) GROUP BY affects ORDER BY affects`);
    for (const row of rows) dataGaps.push(gapRowSchema.parse(row));
  }
  const [date] = await store.all<{ value: string }>("SELECT value FROM tenant WHERE key = 'phase1.portalEnforcementDate'");
  return { dataGaps, portalEnforcementDate: date?.value ?? null };
}

/** Whether the store's sign-in and Activity-log halves were computed by a Kusto engine (and no sign-in was stored besides). */
export async function holdsPushedFeatures(store: Store): Promise<boolean> {
  if (!(await hasTable(store, 'pushed_features'))) return false;
  const [row] = await store.all<{ pushed: boolean }>('SELECT (SELECT count(*) FROM pushed_features) > 0 AND (SELECT count(*) FROM sign_ins) = 0 AS pushed');
  return row?.pushed === true;
}
