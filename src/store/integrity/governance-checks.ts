import type { Store } from '../store.js';
import type { IntegrityCheck } from './integrity-types.js';

/**
 * Each snapshot holds the identities and breaking code its head counts (in its own rows, or in those of the snapshot it
 * shares them with: `rows_from`, migration 008, which must hold rows of its own), and no rows belong to a snapshot
 * without a head.
 */
export async function snapshots(store: Store): Promise<IntegrityCheck> {
  const [row] = await store.all<{ snapshots: number; wrong: number; example: number | null; orphans: number; gaps: number; dangling: number }>(
    `WITH i AS (SELECT snapshot_id, count(*) AS n FROM snapshot_identities GROUP BY 1),
          a AS (SELECT snapshot_id, count(*) AS n FROM snapshot_automation GROUP BY 1)
     SELECT (SELECT count(*) FROM snapshots)::BIGINT AS snapshots,
            count(*) FILTER (WHERE s.identity_count <> coalesce(i.n, 0) OR s.automation_count <> coalesce(a.n, 0))::BIGINT AS wrong,
            min(s.id) FILTER (WHERE s.identity_count <> coalesce(i.n, 0) OR s.automation_count <> coalesce(a.n, 0)) AS example,
            ((SELECT count(*) FROM i WHERE snapshot_id NOT IN (SELECT id FROM snapshots)) + (SELECT count(*) FROM a WHERE snapshot_id NOT IN (SELECT id FROM snapshots)))::BIGINT AS orphans,
            (SELECT coalesce(max(id), 0) - count(*) FROM snapshots)::BIGINT AS gaps,
            (SELECT count(*) FROM snapshots r WHERE r.rows_from IS NOT NULL AND r.rows_from NOT IN (SELECT id FROM snapshots WHERE rows_from IS NULL))::BIGINT AS dangling
     FROM snapshots s LEFT JOIN i ON i.snapshot_id = coalesce(s.rows_from, s.id) LEFT JOIN a ON a.snapshot_id = coalesce(s.rows_from, s.id)`,
  );
  const snapshotsCount = row?.snapshots ?? 0;
  if ((row?.dangling ?? 0) > 0) return { name: 'snapshots', status: 'failed', detail: `${row?.dangling ?? 0} snapshots share the rows of a snapshot that keeps none` };
  if ((row?.wrong ?? 0) > 0) return { name: 'snapshots', status: 'failed', detail: `${row?.wrong ?? 0} snapshots hold other counts than their heads say, e.g. number ${row?.example ?? '?'}` };
  if ((row?.orphans ?? 0) > 0) return { name: 'snapshots', status: 'failed', detail: `${row?.orphans ?? 0} snapshot rows belong to no recorded snapshot` };
  if ((row?.gaps ?? 0) > 0) return { name: 'snapshots', status: 'failed', detail: `snapshot numbers skip ${row?.gaps ?? 0}: one was lost` };
  return { name: 'snapshots', status: 'ok', detail: `${snapshotsCount} snapshots, each holding the rows its head counts` };
}

const CHECKPOINT_STATES = ['complete', 'partial', 'missing'];

/** Every collection checkpoint is in a state a re-run knows what to do with. */
export async function checkpoints(store: Store): Promise<IntegrityCheck> {
  const [row] = await store.all<{ n: number; wrong: number }>(
    `SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE state NOT IN (${CHECKPOINT_STATES.map(() => '?').join(', ')}))::BIGINT AS wrong FROM collect_checkpoints`,
    CHECKPOINT_STATES,
  );
  if ((row?.wrong ?? 0) > 0) return { name: 'checkpoints', status: 'failed', detail: `${row?.wrong ?? 0} checkpoints in a state other than ${CHECKPOINT_STATES.join(', ')}` };
  return { name: 'checkpoints', status: 'ok', detail: `${row?.n ?? 0} collection checkpoints, each complete, partial or missing` };
}
