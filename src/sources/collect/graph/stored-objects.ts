import { z } from 'zod';
import type { Store } from '../../../store/store.js';
import { isRecord } from '../../import/framework/values.js';

/**
 * The raw Graph objects the store holds for some ids of one table. A delta page brings only what changed in an object
 * it has seen before, and signInActivity comes from another listing: the stored object, with the new properties laid
 * over it, goes through the normaliser again, so an update never loses what it did not repeat.
 */
const rowSchema = z.object({ id: z.string(), raw: z.string().nullable() });

export async function storedObjects(store: Store, table: 'identities' | 'applications', ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  if (ids.length === 0) return found;
  const rows = await store.all(`SELECT id, CAST(raw AS VARCHAR) AS raw FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
  for (const row of rows) {
    const parsed = rowSchema.parse(row);
    if (parsed.raw === null) continue;
    const value: unknown = JSON.parse(parsed.raw);
    if (isRecord(value)) found.set(parsed.id, value);
  }
  return found;
}

/** The lower-cased `id` of each record that has one. */
export function idsOf(records: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const record of records) {
    if (isRecord(record) && typeof record['id'] === 'string') ids.push(record['id'].toLowerCase());
  }
  return ids;
}
