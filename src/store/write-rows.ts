import type { Store } from './store.js';
import type { ColumnType, TableSpec } from './columns.js';

/** A value as a row carries it before it is staged: strings, numbers, booleans, string lists, or null. */
export type CellValue = string | number | boolean | null | readonly string[];
export type RowValues = Readonly<Record<string, CellValue | undefined>>;

function castExpression(name: string, type: ColumnType): string {
  const column = `"${name}"`;
  switch (type) {
    case 'text':
      return column;
    case 'int':
      return `CAST(${column} AS INTEGER)`;
    case 'bigint':
      return `CAST(${column} AS BIGINT)`;
    case 'bool':
      return `CAST(${column} AS BOOLEAN)`;
    case 'date':
      return `CAST(${column} AS DATE)`;
    // Staged as ISO-8601 in UTC; the offset is applied, then dropped: the store's TIMESTAMPs hold UTC.
    case 'timestamp':
      return `CAST(timezone('UTC', CAST(${column} AS TIMESTAMPTZ)) AS TIMESTAMP)`;
    case 'json':
      return `CAST(${column} AS JSON)`;
    case 'text[]':
      return `CAST(from_json(${column}, '["VARCHAR"]') AS VARCHAR[])`;
  }
}

function stageText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Stage rows as text through DuckDB's appender into a temporary table named after the target; returns its name.
 * `same`: columns whose value is the same in every row (a batch's id), given once instead of copied into each row:
 * an object made by spreading a row and adding a key gets a hidden class of its own, and every read of it is slow.
 */
async function stageRows(store: Store, spec: TableSpec, rows: readonly RowValues[], same: RowValues = {}): Promise<string> {
  const staging = `staging_${spec.table}`;
  const columnList = spec.columns.map(([name]) => `"${name}" VARCHAR`).join(', ');
  await store.run(`CREATE OR REPLACE TEMP TABLE ${staging} (${columnList})`);
  const appender = await store.connection.createAppender(staging, 'main', 'temp');
  const columns = spec.columns.map(([name]) => ({ name, fixed: Object.hasOwn(same, name), text: stageText(same[name]) }));
  for (const row of rows) {
    for (const column of columns) {
      const text = column.fixed ? column.text : stageText(row[column.name]);
      if (text === null) appender.appendNull();
      else appender.appendVarchar(text);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  return staging;
}

/**
 * Insert rows keyed on the table's primary key; rows whose key is already stored are skipped.
 * Values are staged as text through DuckDB's appender and cast in one INSERT … SELECT; `same` holds the columns every
 * row has the same value in (stageRows).
 * Returns how many rows were new. Call inside a store transaction to make a batch atomic.
 */
export async function insertRows(store: Store, spec: TableSpec, rows: readonly RowValues[], same: RowValues = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const staging = await stageRows(store, spec, rows, same);
  const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const casts = spec.columns.map(([name, type]) => castExpression(name, type)).join(', ');
  const before = await countRows(store, spec.table);
  await store.run(insertSql(spec, names, casts, staging));
  const after = await countRows(store, spec.table);
  await store.run(`DROP TABLE ${staging}`);
  return after - before;
}

/** Append rows to a table that has no key (every row is new), staged and cast as insertRows does, in one INSERT. */
export async function appendRows(store: Store, spec: TableSpec, rows: readonly RowValues[]): Promise<void> {
  if (rows.length === 0) return;
  const staging = await stageRows(store, spec, rows);
  const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const casts = spec.columns.map(([name, type]) => castExpression(name, type)).join(', ');
  await store.run(`INSERT INTO ${spec.table} (${names}) SELECT ${casts} FROM ${staging}`);
  await store.run(`DROP TABLE ${staging}`);
}

function aliased(spec: TableSpec): string {
  return spec.columns.map(([name, type]) => `${castExpression(name, type)} AS "${name}"`).join(', ');
}

/** INSERT OR IGNORE on the primary key; on an unkeyed table, the same by hand: first of each key in the rows, none already stored. */
function insertSql(spec: TableSpec, names: string, casts: string, staging: string): string {
  if (spec.unkeyedKey === undefined) return `INSERT OR IGNORE INTO ${spec.table} (${names}) SELECT ${casts} FROM ${staging}`;
  const key = spec.unkeyedKey.map((name) => `"${name}"`).join(', ');
  const match = spec.unkeyedKey.map((name) => `t."${name}" = s."${name}"`).join(' AND ');
  return `INSERT INTO ${spec.table} (${names})
    SELECT ${names} FROM (SELECT DISTINCT ON (${key}) * FROM (SELECT rowid AS ua_order, ${aliased(spec)} FROM ${staging}) c ORDER BY ${key}, ua_order) s
    WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE ${match})`;
}

async function countRows(store: Store, table: string): Promise<number> {
  const [row] = await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return row?.n ?? 0;
}
