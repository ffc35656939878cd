import type { DuckDBConnection } from '@duckdb/node-api';
import type { Store } from '../../../store/store.js';
import { normaliseSelect, SIGN_IN_MACROS } from './sign-in-sql.js';

/** An in-memory database beside the store, shared by the instance's connections (temp tables are not). */
const SCRATCH = 'ua_import_scratch';

/** A JSON Lines file of sign-ins, read and normalised, waiting in the scratch database for its batch to store it. */
export interface ReadSignInFile {
  /** Qualified: every `sign_ins` column except raw and batch_id, plus raw_hash (the hash of its raw text); file order. */
  table: string;
  /**
   * The file's records, raw (column raw), in the same order: the insert pairs the two by position (a scan of two tables
   * in step), and raw_hash proves each pair. Kept apart so that normalising does not copy raw, most of the bytes.
   */
  rawTable: string;
  count: number;
}

function rawRead(gzip: boolean): string {
  return `read_json_objects(?, format = 'newline_delimited', compression = '${gzip ? 'gzip' : 'uncompressed'}')`;
}

/**
 * The fast path's reader: DuckDB reads a whole JSON Lines file of diagnostic sign-ins and normalises it, on a
 * connection of its own, so that the import reads and normalises the next file while its own connection writes
 * the current one (each statement on one file's rows runs on about one core; two at once use both).
 * It writes only the scratch database, never the store: a batch's transaction reads the tables, and they are dropped
 * once that transaction is over. Scratch tables are in DuckDB's buffer pool, so they spill rather than grow the process.
 */
export class SignInFileReader {
  private tables = 0;
  /** Tables whose batch is done: dropped by this connection before its next read, so its statements never overlap. */
  private readonly released: string[] = [];

  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(store: Store): Promise<SignInFileReader> {
    const connection = await store.connect();
    try {
      await connection.run(`ATTACH IF NOT EXISTS ':memory:' AS ${SCRATCH}`);
      await connection.run("SET TimeZone = 'UTC'");
      await connection.run(SIGN_IN_MACROS);
    } catch (error) {
      connection.closeSync();
      throw error;
    }
    return new SignInFileReader(connection);
  }

  /**
   * Read and normalise `path`; null (and nothing kept) when DuckDB cannot read it or any record does not normalise,
   * so that the caller reads it line by line and names the bad records by line.
   */
  async read(path: string, gzip: boolean): Promise<ReadSignInFile | null> {
    await this.dropReleased();
    this.tables += 1;
    const table = `${SCRATCH}.main.signins_${this.tables}`;
    const rawTable = `${SCRATCH}.main.raw_${this.tables}`;
    try {
      await this.connection.run(`CREATE TABLE ${rawTable} AS SELECT json AS raw FROM ${rawRead(gzip)}`, [path]);
      const source = `(SELECT CAST(NULL AS INTEGER) AS line, CAST(NULL AS VARCHAR) AS kind, raw, CAST(NULL AS VARCHAR) AS doc, true AS envelope FROM ${rawTable})`;
      await this.connection.run(`CREATE TABLE ${table} AS ${normaliseSelect({ source, knownValid: true, hashRaw: true })}`);
    } catch {
      await this.connection.run(`DROP TABLE IF EXISTS ${table}`);
      await this.connection.run(`DROP TABLE IF EXISTS ${rawTable}`);
      return null;
    }
    const reader = await this.connection.runAndReadAll(`SELECT count(*) AS n, count(reason) AS bad FROM ${table}`);
    const [counts] = reader.getRowObjectsJS();
    const count = Number(counts?.['n'] ?? 0);
    if (Number(counts?.['bad'] ?? 0) > 0) {
      await this.connection.run(`DROP TABLE ${table}`);
      await this.connection.run(`DROP TABLE ${rawTable}`);
      return null;
    }
    return { table, rawTable, count };
  }

  /** The batch that read `file.table` is over (committed or rolled back). */
  release(file: ReadSignInFile): void {
    this.released.push(file.table, file.rawTable);
  }

  private async dropReleased(): Promise<void> {
    for (const table of this.released.splice(0)) await this.connection.run(`DROP TABLE IF EXISTS ${table}`);
  }

  async close(): Promise<void> {
    try {
      await this.dropReleased();
      await this.connection.run(`DETACH DATABASE IF EXISTS ${SCRATCH}`);
    } finally {
      this.connection.closeSync();
    }
  }
}
