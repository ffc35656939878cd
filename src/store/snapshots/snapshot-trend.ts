import { z } from 'zod';
import type { SnapshotTrendPoint } from '../../model/governance.js';
import type { Store } from '../store.js';
import { hasSnapshots, listSnapshots } from './read-snapshot.js';

const countsRowSchema = z.object({
  id: z.number().int(),
  identities: z.number().int(),
  broken: z.number().int(),
  breaks: z.number().int(),
  at_risk: z.number().int(),
  ready: z.number().int(),
  not_affected: z.number().int(),
});

/**
 * Every snapshot, oldest first, with its identities counted in one aggregate over snapshot_identities (never the
 * identities themselves): what the report and the dashboard draw over time. No snapshot table yet: none.
 */
export async function loadSnapshotTrend(store: Store): Promise<SnapshotTrendPoint[]> {
  if (!(await hasSnapshots(store))) return [];
  const snapshots = await listSnapshots(store);
  if (snapshots.length === 0) return [];
  const account = (verdict: string): string => `count(*) FILTER (WHERE i.class = 'service-account' AND i.verdict = '${verdict}')::INTEGER`;
  const rows = await store.all(
    `SELECT s.id, count(i.id)::INTEGER AS identities, ${account('broken')} AS broken, ${account('breaks')} AS breaks, ${account('at-risk')} AS at_risk,
       ${account('ready')} AS ready, ${account('not-affected')} AS not_affected
     FROM snapshots s LEFT JOIN snapshot_identities i ON i.snapshot_id = coalesce(s.rows_from, s.id) GROUP BY s.id`,
  );
  const counts = new Map(rows.map((row) => {
    const parsed = countsRowSchema.parse(row);
    return [parsed.id, parsed] as const;
  }));
  return snapshots.map((meta) => {
    const found = counts.get(meta.id);
    return {
      meta,
      identities: found?.identities ?? 0,
      serviceAccounts: { broken: found?.broken ?? 0, breaks: found?.breaks ?? 0, 'at-risk': found?.at_risk ?? 0, ready: found?.ready ?? 0, 'not-affected': found?.not_affected ?? 0 },
    };
  });
}
