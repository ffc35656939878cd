import { diffStates } from '../engines/govern/diff-states.js';
import type { SnapshotHistory } from '../model/governance-diff.js';
import { loadSnapshot } from '../store/snapshots/read-snapshot.js';
import { loadSnapshotTrend } from '../store/snapshots/snapshot-trend.js';
import type { Store } from '../store/store.js';

/**
 * The snapshots `report` and `serve` show over time: each one counted, and the latest against the one before it as
 * `unattended diff` compares them (only those two are read in full). Null when the store keeps none.
 */
export async function loadSnapshotHistory(store: Store): Promise<SnapshotHistory | null> {
  const points = await loadSnapshotTrend(store);
  if (points.length === 0) return null;
  const [before, after] = points.slice(-2);
  if (before === undefined || after === undefined) return { points, latest: null };
  const [older, newer] = await Promise.all([loadSnapshot(store, before.meta.id), loadSnapshot(store, after.meta.id)]);
  return { points, latest: older && newer ? diffStates(older, newer) : null };
}
