import type { Store } from '../store.js';
import type { IntegrityCheck } from './integrity-types.js';
import { batchedTables, quoteIdentifier } from './store-tables.js';

/**
 * Rows a batch writes beside the records it counts: an application's or a service principal's credentials and owners
 * come in its record, and quarantined lines are counted apart. A batch's `stored` and `updated` do not count them.
 */
const UNCOUNTED_TABLES: ReadonlySet<string> = new Set(['credentials', 'directory_owners', 'quarantine']);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Every batch in the table was finished: a source inserts and finishes a batch in the transaction that writes its rows. */
export async function batchesFinished(store: Store): Promise<IntegrityCheck> {
  const [row] = await store.all<{ batches: number; unfinished: number }>(
    'SELECT count(*)::BIGINT AS batches, count(*) FILTER (WHERE finished_at IS NULL)::BIGINT AS unfinished FROM batches',
  );
  const batches = row?.batches ?? 0;
  const unfinished = row?.unfinished ?? 0;
  if (unfinished > 0) return { name: 'batches-finished', status: 'failed', detail: `${plural(unfinished, 'batch', 'batches')} of ${batches} never finished: a write was cut off half way` };
  return { name: 'batches-finished', status: 'ok', detail: `${plural(batches, 'batch', 'batches')}, all finished` };
}

/** No row names a batch the batches table does not have: rows and their batch land together or not at all. */
export async function rowsHaveBatches(store: Store): Promise<IntegrityCheck> {
  const orphans: string[] = [];
  let total = 0;
  for (const table of await batchedTables(store)) {
    const [row] = await store.all<{ rows: number; orphans: number }>(
      `SELECT count(*)::BIGINT AS rows, count(*) FILTER (WHERE t.batch_id IS NOT NULL AND b.batch_id IS NULL)::BIGINT AS orphans
       FROM ${quoteIdentifier(table)} t LEFT JOIN batches b ON b.batch_id = t.batch_id`,
    );
    total += row?.rows ?? 0;
    if ((row?.orphans ?? 0) > 0) orphans.push(`${table} ${row?.orphans ?? 0}`);
  }
  if (orphans.length > 0) return { name: 'rows-have-batches', status: 'failed', detail: `rows naming a batch that is not recorded: ${orphans.join(', ')}` };
  return { name: 'rows-have-batches', status: 'ok', detail: `${plural(total, 'row')} in batched tables, each naming a recorded batch (or none)` };
}

/**
 * No batch holds more records than it counted as stored or updated. (It may hold fewer: a later batch replaces a
 * directory object it wrote, and the row then names the later batch.)
 */
export async function batchCounts(store: Store): Promise<IntegrityCheck> {
  const tables = (await batchedTables(store)).filter((table) => !UNCOUNTED_TABLES.has(table));
  if (tables.length === 0) return { name: 'batch-counts', status: 'skipped', detail: 'no batched record tables' };
  const held = tables.map((table) => `SELECT batch_id, count(*) AS n FROM ${quoteIdentifier(table)} WHERE batch_id IS NOT NULL GROUP BY batch_id`).join(' UNION ALL ');
  const [row] = await store.all<{ batches: number; over: number; example: string | null; held: number | null; counted: number | null }>(
    `WITH held AS (SELECT batch_id, sum(n)::BIGINT AS n FROM (${held}) GROUP BY batch_id),
     judged AS (SELECT b.batch_id, coalesce(h.n, 0) AS n, b.stored + coalesce(b.updated, 0) AS counted FROM batches b LEFT JOIN held h ON h.batch_id = b.batch_id)
     SELECT count(*)::BIGINT AS batches, count(*) FILTER (WHERE n > counted)::BIGINT AS over,
            min(batch_id || ' holds ' || n || ' records, counted ' || counted) FILTER (WHERE n > counted) AS example,
            sum(n)::BIGINT AS held, sum(counted)::BIGINT AS counted
     FROM judged`,
  );
  const over = row?.over ?? 0;
  if (over > 0) return { name: 'batch-counts', status: 'failed', detail: `${plural(over, 'batch', 'batches')} hold more records than they counted, e.g. ${row?.example ?? '?'}` };
  return { name: 'batch-counts', status: 'ok', detail: `${plural(row?.held ?? 0, 'record')} held by ${plural(row?.batches ?? 0, 'batch', 'batches')} that counted ${(row?.counted ?? 0).toLocaleString('en-US')} stored or updated` };
}

/** The quarantine holds exactly the lines the batches counted as quarantined. */
export async function quarantineCounts(store: Store): Promise<IntegrityCheck> {
  const [row] = await store.all<{ counted: number | null; held: number }>(
    'SELECT (SELECT sum(quarantined) FROM batches)::BIGINT AS counted, (SELECT count(*) FROM quarantine)::BIGINT AS held',
  );
  const counted = row?.counted ?? 0;
  const held = row?.held ?? 0;
  if (counted !== held) return { name: 'quarantine-counts', status: 'failed', detail: `batches counted ${plural(counted, 'quarantined record')}, the quarantine holds ${held}` };
  return { name: 'quarantine-counts', status: 'ok', detail: `${plural(held, 'quarantined record')}, as the batches counted` };
}
