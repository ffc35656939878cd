import type { Store } from '../store.js';
import { sqlString } from '../sql-literal.js';

/** Quote a name read from DuckDB's catalog as an identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The store's own tables (not the in-memory catalog it is attached to), by name. */
export async function storeTables(store: Store): Promise<string[]> {
  const rows = await store.all<{ table_name: string }>(
    'SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY table_name',
  );
  return rows.map((row) => row.table_name);
}

/** The store's tables with a `batch_id` column: the records a batch wrote. */
export async function batchedTables(store: Store): Promise<string[]> {
  const rows = await store.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_columns() WHERE database_name = current_database() AND column_name = 'batch_id' AND table_name <> ${sqlString('batches')} ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}
