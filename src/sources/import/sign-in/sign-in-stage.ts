import type { DuckDBAppender } from '@duckdb/node-api';
import type { SignInKind } from '../../../model/sign-in.js';
import type { Store } from '../../../store/store.js';
import type { Counts, RecordKind } from '../framework/import-summary.js';
import { zeroCounts } from '../framework/import-summary.js';
import { QUARANTINE_RAW_LIMIT } from '../framework/quarantine.js';
import { normaliseSql, NORMALISED_TABLE, SIGN_IN_COLUMNS, SIGN_IN_MACROS, STAGE_TABLE } from './sign-in-sql.js';
import type { ReadSignInFile, SignInFileReader } from './sign-in-file-reader.js';

/** The staged records (by position: a line of Event Hubs records holds many) that are new sign-ins, with their kind. */
const KEEP_TABLE = 'ua_signin_keep';

/** Where the insert finds each normalised row's raw text. */
interface RawSource {
  /** The normalised rows as n, joined with the raw texts. */
  from: string;
  /** The raw text of a row. */
  raw: string;
}

export interface StagedCounts {
  counts: Map<RecordKind | 'unknown', Counts>;
  tenantIds: string[];
}

/**
 * Sign-ins waiting in a temp table for the SQL normaliser. Two ways in:
 * - `add`: a format hands over each record (raw text + a Graph-shaped doc, or null when raw already is one),
 *   with its line; nothing stays in JS memory.
 * - `tryFile`: DuckDB reads a whole JSON Lines file itself (the fast path), on the SignInFileReader's connection,
 *   before the batch's transaction. It is kept only if every record normalises; otherwise it is dropped and the caller
 *   reads the file line by line, so bad records are named by line.
 */
export class SignInStage {
  private appender: DuckDBAppender | null = null;
  /** The file the fast path read and normalised cleanly, and the reader that holds it. */
  private file: ReadSignInFile | null = null;
  private reader: SignInFileReader | null = null;
  count = 0;

  /** True when the fast path staged the whole file. */
  get holdsFile(): boolean {
    return this.file !== null;
  }

  constructor(private readonly store: Store) {}

  async add(line: number, kind: SignInKind | null, raw: string, doc: string | null, envelope: boolean): Promise<void> {
    if (this.file !== null) throw new Error('sign-in stage already holds a whole file');
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
   * The fast path for a JSON Lines file of diagnostic sign-ins: `reader` reads and normalises it whole (on its own
   * connection, outside the batch's transaction: a file DuckDB cannot read fails the statement, which would abort the
   * transaction). False, and nothing staged, when any line needs the slow path.
   */
  async tryFile(path: string, gzip: boolean, reader: SignInFileReader): Promise<boolean> {
    if (this.appender !== null || this.file !== null) return false;
    const file = await reader.read(path, gzip);
    if (file === null) return false;
    this.file = file;
    this.reader = reader;
    this.count = file.count;
    return true;
  }

  /** The batch is over: the file the reader kept for it can go. */
  release(): void {
    if (this.file !== null) this.reader?.release(this.file);
    this.file = null;
    this.reader = null;
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
    if (this.file !== null) return this.flushFile(batchId, this.file);
    const counts = new Map<RecordKind | 'unknown', Counts>();
    if (this.appender === null) return { counts, tenantIds: [] };
    this.appender.flushSync();
    this.appender.closeSync();
    this.appender = null;
    await this.normalise(false);
    // Rows of the normalised table are in stage order: pair them by position (raw is not copied twice), and prove it.
    const [misaligned] = await this.store.all<{ n: number }>(
      `SELECT count(*) AS n FROM ${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s WHERE n.line IS DISTINCT FROM s.line`,
    );
    if ((misaligned?.n ?? 0) > 0) throw new Error('sign-in stage and normalised rows are out of step');
    const tally = await this.store.all<{ kind: string | null; read: number; quarantined: number }>(
      `SELECT kind, count(*) AS read, count(reason) AS quarantined FROM ${NORMALISED_TABLE} GROUP BY kind`,
    );
    const storedByKind = await this.insertNew(batchId, NORMALISED_TABLE, {
      from: `${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s`,
      raw: 's.raw',
    });
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

  /** Store a file the fast path read: every record valid; a mismatched raw_hash fails the batch rather than store a wrong raw. */
  private async flushFile(batchId: string, read: ReadSignInFile): Promise<StagedCounts> {
    const counts = new Map<RecordKind | 'unknown', Counts>();
    const tally = await this.store.all<{ kind: string; read: number }>(`SELECT kind, count(*) AS read FROM ${read.table} GROUP BY kind`);
    const storedByKind = await this.insertNew(batchId, read.table, {
      from: `${read.table} n POSITIONAL JOIN ${read.rawTable} s`,
      raw: `CASE WHEN hash(s.raw) = n.raw_hash THEN s.raw ELSE error('sign-in file and its normalised rows are out of step') END`,
    });
    for (const row of tally) {
      const newRows = storedByKind.get(row.kind) ?? 0;
      const entry = zeroCounts();
      entry.read = row.read;
      entry.stored = newRows;
      entry.duplicates = row.read - newRows;
      counts.set(recordKindOf(row.kind), entry);
    }
    const tenants = await this.store.all<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM ${read.table} WHERE tenant_id IS NOT NULL ORDER BY tenant_id LIMIT 10`,
    );
    await this.drop();
    return { counts, tenantIds: tenants.map((row) => row.tenant_id) };
  }

  /**
   * Store the valid rows of `normalised` whose (id, kind) is new: the first of each in the file, none already stored.
   * sign_ins has no key index (it would have to fit in memory), so the probe is a join limited to the batch's time
   * range, which the zone maps on created_at narrow to the row groups of that range. Rows go in file order, keeping the
   * store time-ordered. `raw` says where each row's raw text comes from (`from` joins normalised, as n, with it).
   * Returns the new rows per kind.
   */
  private async insertNew(batchId: string, normalised: string, raw: RawSource): Promise<Map<string, number>> {
    const [range] = await this.store.all<{ lo: string | null; hi: string | null }>(
      `SELECT CAST(min(created_at) AS VARCHAR) AS lo, CAST(max(created_at) AS VARCHAR) AS hi FROM ${normalised} WHERE reason IS NULL`,
    );
    if (range?.lo == null || range.hi == null) return new Map();
    await this.store.run(
      `CREATE OR REPLACE TEMP TABLE ${KEEP_TABLE} AS
       SELECT pos, kind FROM (
         SELECT DISTINCT ON (id, kind) rowid AS pos, id, kind FROM ${normalised} WHERE reason IS NULL ORDER BY id, kind, rowid
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
       SELECT ${columns}, CAST(${raw.raw} AS JSON), $batch FROM ${raw.from}
       WHERE n.reason IS NULL AND n.rowid IN (SELECT pos FROM ${KEEP_TABLE})`,
      { batch: batchId },
    );
    const stored = await this.store.all<{ kind: string; n: number }>(`SELECT kind, count(*) AS n FROM ${KEEP_TABLE} GROUP BY kind`);
    return new Map(stored.map((row) => [row.kind, row.n]));
  }

  /** Forget everything staged, tables included (before a batch is retried). */
  async reset(): Promise<void> {
    this.discard();
    this.release();
    await this.drop();
  }

  /** Drop whatever is staged (the batch failed). */
  discard(): void {
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
