import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { MIGRATIONS } from './migrations/index.js';
import { sqlString } from './sql-literal.js';
import { refreshSignInRollups } from './rollups/sign-in-rollups.js';

// Required, not imported: the package is CommonJS, and importing it from an ES module makes Node lex each of its ~180
// files for their export names, ~40 ms of every command's start.
const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;
type DuckDBInstance = DuckDB.DuckDBInstance;

export type SqlParam = string | number | boolean | null | bigint;
export type Row = Record<string, unknown>;

/** One DuckDB database file: the store every source writes and every engine reads. */
export interface Store {
  readonly path: string;
  readonly connection: DuckDBConnection;
  /** Run a statement (with optional positional `?` params). */
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Run a query and return its rows as plain JSON-compatible objects (BIGINT → number when safe). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Run `work` inside one transaction: all of it lands or none of it does. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Another connection to the same database, for a query to run beside this one's (it shares no transaction or temp objects). */
  connect(): Promise<DuckDBConnection>;
  /**
   * A store on another connection to the same database, whose queries DuckDB runs beside this one's: what a command
   * reads while this connection streams. Its close() closes that connection only; close it before this store.
   */
  beside(): Promise<Store>;
  close(): void;
}

export const DEFAULT_DB = 'unattended.duckdb';

/** The file format a new store is written in (an existing file keeps its own): 1.2 brings zstd for the raw records. */
const STORAGE_VERSION = 'v1.2.0';

/**
 * Rows per row group. DuckDB writes an insert straight to the file, compressed, once it fills a row group; a smaller
 * one goes through the WAL uncompressed and is written again at the checkpoint. A file's batch is typically tens of
 * thousands of sign-ins: at the default 122,880 every batch took the WAL path, which was most of the import's time.
 * Smaller groups also let the zone maps on created_at skip more of the table.
 */
const ROW_GROUP_SIZE = 16_384;


/**
 * Open the file through ATTACH, the one way to give it a row-group size; an in-memory store needs none.
 * Spilled data goes beside the file, as it would had the file been opened directly.
 */
async function attach(absolute: string, readOnly: boolean): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection; spill?: string }> {
  if (absolute === ':memory:') {
    // Spills go to a folder of this store's own: DuckDB's default, ./.tmp, is shared by every process in the same
    // folder, and one closing removes it under the others.
    const spill = mkdtempSync(join(tmpdir(), 'unattended-spill-'));
    const instance = await DuckDBInstance.create(absolute, { temp_directory: spill });
    return { instance, connection: await instance.connect(), spill };
  }
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: `${absolute}.tmp` });
  const connection = await instance.connect();
  try {
    const attachOptions = readOnly ? 'READ_ONLY' : `STORAGE_VERSION ${sqlString(STORAGE_VERSION)}, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}`;
    await connection.run(`ATTACH ${sqlString(absolute)} AS ${STORE_ALIAS} (${attachOptions})`);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return { instance, connection };
}

/** The catalog name of the attached file; unqualified names resolve to it. */
const STORE_ALIAS = 'store';

export function defaultDbPath(): string {
  return process.env['UNATTENDED_DB'] ?? DEFAULT_DB;
}

function plain(value: DuckDBValue | unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  return value;
}

/**
 * DuckDB's lock on the file: one process writes a store, or any number read it, never both. What DuckDB says when
 * another process holds it (its message names the file, the holder's program and PID, and a link to its docs).
 */
const LOCK_HELD = /Could not set lock on file .*Conflicting lock is held in (?<program>.*?) \(PID (?<pid>\d+)\)/u;

/** Why a store cannot be opened, in one line: another process holding its lock is said as such, with its PID. */
export function openError(absolute: string, error: unknown): InputError {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const held = LOCK_HELD.exec(message)?.groups;
  if (held) {
    return new InputError(
      `store ${absolute} is locked by another unattended process (PID ${held['pid'] ?? '?'}, ${held['program'] ?? '?'})`,
      'a store takes one writer or many readers at a time: wait for that command to finish, or pass --db FILE to use another store',
    );
  }
  return new InputError(`cannot open store ${absolute}: ${message}`, 'is another unattended process using it? pass --db FILE to use another');
}

/** The Store interface over one connection of `instance`, reading the attached file (`catalog`) in UTC. */
async function storeOn(path: string, instance: DuckDBInstance, connection: DuckDBConnection, catalog: string | null, close: () => void): Promise<Store> {
  if (catalog !== null) await connection.run(`USE ${catalog}`);
  // The store holds UTC times, and cut-offs arrive as ISO instants: read and compare them in UTC whatever the machine's zone.
  await connection.run("SET TimeZone = 'UTC'");
  return {
    path,
    connection,
    async run(sql, params) {
      if (params && params.length > 0) await connection.run(sql, params as DuckDBValue[]);
      else await connection.run(sql);
    },
    async all<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      const reader = params && params.length > 0 ? await connection.runAndReadAll(sql, params as DuckDBValue[]) : await connection.runAndReadAll(sql);
      const rows = reader.getRowObjectsJS();
      return rows.map((row) => {
        const out: Row = {};
        for (const [key, value] of Object.entries(row)) out[key] = plain(value);
        return out as T;
      });
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await work();
        await connection.run('COMMIT');
        return result;
      } catch (error) {
        await connection.run('ROLLBACK');
        throw error;
      }
    },
    connect() {
      return instance.connect();
    },
    async beside() {
      const other = await instance.connect();
      try {
        return await storeOn(path, instance, other, catalog, () => other.closeSync());
      } catch (error) {
        other.closeSync();
        throw error;
      }
    },
    close,
  };
}

export async function openStore(path: string, options: { readOnly?: boolean } = {}): Promise<Store> {
  const absolute = path === ':memory:' ? path : resolve(path);
  if (absolute !== ':memory:') {
    if (options.readOnly && !existsSync(absolute)) {
      throw new InputError(`no store at ${absolute}`, 'run "unattended import" or "unattended demo" first, or pass --db FILE');
    }
    mkdirSync(dirname(absolute), { recursive: true });
  }
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let spill: string | undefined;
  try {
    ({ instance, connection, spill } = await attach(absolute, options.readOnly === true));
  } catch (error) {
    throw openError(absolute, error);
  }

  const store = await storeOn(absolute, instance, connection, absolute === ':memory:' ? null : STORE_ALIAS, () => {
    connection.closeSync();
    instance.closeSync();
    if (spill !== undefined) rmSync(spill, { recursive: true, force: true });
  });
  if (!options.readOnly) {
    await migrate(store);
    await refreshSignInRollups(store);
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  await store.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
  const applied = await store.all<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(applied.map((row) => row.version));
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    await store.transaction(async () => {
      await store.connection.run(migration.sql);
      await store.run('INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)', [migration.version, migration.name]);
    });
  }
}
