import { MIGRATIONS, SCHEMA_VERSION } from '../migrations/index.js';
import type { Store } from '../store.js';
import type { IntegrityCheck } from './integrity-types.js';
import { quoteIdentifier, storeTables } from './store-tables.js';

/** The migrations recorded are this code's, none missing in between: a store is never half migrated. */
export async function schema(store: Store): Promise<IntegrityCheck> {
  const tables = await storeTables(store);
  if (!tables.includes('schema_migrations')) return { name: 'schema', status: 'failed', detail: 'no schema_migrations table: not a store written by unattended' };
  const rows = await store.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  const applied = rows.map((row) => row.version);
  const known = new Set(MIGRATIONS.map((migration) => migration.version));
  const unknown = applied.filter((version) => !known.has(version));
  if (unknown.length > 0) return { name: 'schema', status: 'failed', detail: `migrations ${unknown.join(', ')} are not this version's (a newer unattended wrote the store)` };
  const expected = MIGRATIONS.map((migration) => migration.version).filter((version) => version <= (applied.at(-1) ?? 0));
  if (expected.join(',') !== applied.join(',')) return { name: 'schema', status: 'failed', detail: `migrations applied ${applied.join(', ')}, expected ${expected.join(', ')}: one is missing` };
  const newest = applied.at(-1) ?? 0;
  return { name: 'schema', status: 'ok', detail: newest === SCHEMA_VERSION ? `version ${newest}, every migration applied` : `version ${newest} of ${SCHEMA_VERSION}: migrated when the store is next opened for writing` };
}

/**
 * Every row of every table reads back: each column of each row goes through a hash, so DuckDB reads (and checks the
 * checksum of) every block the store holds, not just the row counts it keeps in its metadata.
 */
export async function readable(store: Store): Promise<IntegrityCheck> {
  let rows = 0;
  const tables = await storeTables(store);
  for (const table of tables) {
    try {
      const [row] = await store.all<{ n: number }>(`SELECT count(*)::BIGINT AS n, bit_xor(hash(t)) AS h FROM ${quoteIdentifier(table)} t`);
      rows += row?.n ?? 0;
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      return { name: 'readable', status: 'failed', detail: `table ${table} cannot be read: ${message}` };
    }
  }
  return { name: 'readable', status: 'ok', detail: `${tables.length} tables, ${rows.toLocaleString('en-US')} rows read in full` };
}
