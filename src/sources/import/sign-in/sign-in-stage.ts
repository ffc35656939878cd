import type { DuckDBAppender } from '@duckdb/node-api';
import type { SignInKind } from '../../../model/sign-in.js';
import type { Store } from '../../../store/store.js';
import type { Counts, RecordKind } from '../framework/import-summary.js';
import { zeroCounts } from '../framework/import-summary.js';
import { QUARANTINE_RAW_LIMIT } from '../framework/quarantine.js';
import { normaliseSql, NORMALISED_TABLE, SIGN_IN_COLUMNS, SIGN_IN_MACROS, STAGE_TABLE } from './sign-in-sql.js';

/** The staged records (by position: a line of Event Hubs records holds many) that are new sign-ins, with their kind. */
const KEEP_TABLE = 'ua_signin_keep';

export interface StagedCounts {
  counts: Map<RecordKind | 'unknown', Counts>;
  tenantIds: string[];
}

/**
 * Sign-ins waiting in a temp table for the SQL normaliser. Two ways in:
 * - `add`: a format hands over each record (raw text + a Graph-shaped doc, or null when raw already is one),
 *   with its line; nothing stays in JS memory.
 * - `tryFile`: DuckDB reads a whole JSON Lines file itself (the fast path). It is kept only if every record
 *   normalises; otherwise it is dropped and the caller reads the file line by line, so bad records are named by line.
 */
export class SignInStage {
  private appender: DuckDBAppender | null = null;
  /** True once the stage holds a file read by DuckDB and already normalised cleanly. */
  private normalised = false;
  count = 0;

  /** True when the fast path staged the whole file. */
  get holdsFile(): boolean {
    return this.normalised;
  }

  constructor(private readonly store: Store) {}

  async add(line: number, kind: SignInKind | null, raw: string, doc: string | null, envelope: boolean): Promise<void> {
    if (this.normalised) throw new Error('sign-in stage already holds a whole file');
    if (this.appender === null) {
      await this.store.run(`CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} (line INTEGER, kind VARCHAR, raw VARCHAR, doc VARCHAR, envelope BOOLEAN)`);
      this.appender = await this.store.connection.createAppender(STAGE_TABLE, 'main', 'temp');
    }
    const appender = this.appender;
    appender.appendInteger(line);
    if (kind === null) appender.appendNull();
    else appender.appendVarchar(kind);
    appender.appendVarchar(raw);
    if (doc === null) appender.appendNull();
    else appender.appendVarchar(doc);
    appender.appendBoolean(envelope);
    appender.endRow();
    this.count += 1;
  }

  /**
   * The fast path for a JSON Lines file of diagnostic sign-ins; false (and nothing staged) when any line needs the slow path.
   * Call it outside a transaction: a file DuckDB cannot read fails the statement, which would abort the batch's transaction.
   */
  async tryFile(path: string, gzip: boolean): Promise<boolean> {
    if (this.appender !== null || this.normalised) return false;
    try {
      await this.store.run(
        `CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} AS
         SELECT CAST(NULL AS INTEGER) AS line, CAST(NULL AS VARCHAR) AS kind, json AS raw, CAST(NULL AS VARCHAR) AS doc, true AS envelope
         FROM read_json_objects(?, format = 'newline_delimited', compression = '${gzip ? 'gzip' : 'uncompressed'}')`,
        [path],
      );
      // Lines numbered after the read: the rows keep the file's order, and row_number() OVER () would make the read serial (0.1 s of 0.3 per 25k).
      await this.store.run(`UPDATE ${STAGE_TABLE} SET line = CAST(rowid + 1 AS INTEGER)`);
    } catch {
      await this.drop();
      return false;
    }
    await this.normalise(true);
    const [bad] = await this.store.all<{ n: number }>(`SELECT count(*) AS n FROM ${NORMALISED_TABLE} WHERE reason IS NOT NULL`);
    if ((bad?.n ?? 0) > 0) {
      await this.drop();
      return false;
    }
    const [staged] = await this.store.all<{ n: number }>(`SELECT count(*) AS n FROM ${STAGE_TABLE}`);
    this.count = staged?.n ?? 0;
    this.normalised = true;
    return true;
  }

  private async normalise(knownValid: boolean): Promise<void> {
    await this.store.connection.run(SIGN_IN_MACROS);
    await this.store.run(normaliseSql(knownValid));
  }

  private async drop(): Promise<void> {
    await this.store.run(`DROP TABLE IF EXISTS ${KEEP_TABLE}`);
    await this.store.run(`DROP TABLE IF EXISTS ${NORMALISED_TABLE}`);
    await this.store.run(`DROP TABLE IF EXISTS ${STAGE_TABLE}`);
  }

  /**
   * Normalise (unless the fast path did) and store everything staged under `batchId`; invalid records go to
   * quarantine with their line. Counts per kind; quarantined records whose kind cannot be told are 'unknown'.
   */
  async flush(batchId: string, file: string): Promise<StagedCounts> {
    const counts = new Map<RecordKind | 'unknown', Counts>();
    if (this.appender !== null) {
      this.appender.flushSync();
      this.appender.closeSync();
      this.appender = null;
      await this.normalise(false);
    } else if (!this.normalised) {
      return { counts, tenantIds: [] };
    }
    this.normalised = false;
    // Rows of the normalised table are in stage order: pair them by position (raw is not copied twice), and prove it.
    const [misaligned] = await this.store.all<{ n: number }>(
      `SELECT count(*) AS n FROM ${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s WHERE n.line IS DISTINCT FROM s.line`,
    );
    if ((misaligned?.n ?? 0) > 0) throw new Error('sign-in stage and normalised rows are out of step');
    const tally = await this.store.all<{ kind: string | null; read: number; quarantined: number }>(
      `SELECT kind, count(*) AS read, count(reason) AS quarantined FROM ${NORMALISED_TABLE} GROUP BY kind`,
    );
    const storedByKind = await this.insertNew(batchId);
    for (const row of tally) {
      const kind = recordKindOf(row.kind);
      const entry = counts.get(kind) ?? zeroCounts();
      const newRows = row.kind === null ? 0 : (storedByKind.get(row.kind) ?? 0);
      entry.read += row.read;
      entry.quarantined += row.quarantined;
      entry.stored += newRows;
      entry.duplicates += row.read - row.quarantined - newRows;
      counts.set(kind, entry);
    }
    await this.store.connection.run(
      `INSERT INTO quarantine (batch_id, file, line, reason, raw)
       SELECT $batch, $file, n.line, n.reason, left(CAST(s.raw AS VARCHAR), ${QUARANTINE_RAW_LIMIT})
       FROM ${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s WHERE n.reason IS NOT NULL ORDER BY n.line`,
      { batch: batchId, file },
    );
    const tenants = await this.store.all<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM ${NORMALISED_TABLE} WHERE reason IS NULL AND tenant_id IS NOT NULL ORDER BY tenant_id LIMIT 10`,
    );
    await this.drop();
    return { counts, tenantIds: tenants.map((row) => row.tenant_id) };
  }

  /**
   * Store the valid rows whose (id, kind) is new: the first of each in the file, none already stored. sign_ins has no
   * key index (it would have to fit in memory), so the probe is a join limited to the batch's time range, which the
   * zone maps on created_at narrow to the row groups of that range. Rows go in file order, keeping the store time-ordered.
   * Returns the new rows per kind.
   */
  private async insertNew(batchId: string): Promise<Map<string, number>> {
    const [range] = await this.store.all<{ lo: string | null; hi: string | null }>(
      `SELECT CAST(min(created_at) AS VARCHAR) AS lo, CAST(max(created_at) AS VARCHAR) AS hi FROM ${NORMALISED_TABLE} WHERE reason IS NULL`,
    );
    if (range?.lo == null || range.hi == null) return new Map();
    await this.store.run(
      `CREATE OR REPLACE TEMP TABLE ${KEEP_TABLE} AS
       SELECT pos, kind FROM (
         SELECT DISTINCT ON (id, kind) rowid AS pos, id, kind FROM ${NORMALISED_TABLE} WHERE reason IS NULL ORDER BY id, kind, rowid
       ) c
       WHERE NOT EXISTS (
         SELECT 1 FROM sign_ins t
         WHERE t.created_at BETWEEN CAST(? AS TIMESTAMP) AND CAST(? AS TIMESTAMP) AND t.id = c.id AND t.kind = c.kind
       )`,
      [range.lo, range.hi],
    );
    const columns = SIGN_IN_COLUMNS.map((name) => `n.${name}`).join(', ');
    await this.store.connection.run(
      `INSERT INTO sign_ins (${SIGN_IN_COLUMNS.join(', ')}, raw, batch_id)
       SELECT ${columns}, CAST(s.raw AS JSON), $batch FROM ${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s
       WHERE n.reason IS NULL AND n.rowid IN (SELECT pos FROM ${KEEP_TABLE})`,
      { batch: batchId },
    );
    const stored = await this.store.all<{ kind: string; n: number }>(`SELECT kind, count(*) AS n FROM ${KEEP_TABLE} GROUP BY kind`);
    return new Map(stored.map((row) => [row.kind, row.n]));
  }

  /** Forget everything staged, tables included (before a batch is retried). */
  async reset(): Promise<void> {
    this.discard();
    await this.drop();
  }

  /** Drop whatever is staged (the batch failed). */
  discard(): void {
    this.normalised = false;
    if (this.appender === null) return;
    try {
      this.appender.closeSync();
    } catch {
      // The transaction is being rolled back; the temp table goes with it.
    }
    this.appender = null;
  }
}

function recordKindOf(kind: string | null): RecordKind | 'unknown' {
  switch (kind) {
    case 'interactiveUser':
    case 'nonInteractiveUser':
    case 'servicePrincipal':
    case 'managedIdentity':
      return kind;
    default:
      return 'unknown';
  }
}
