import type { DuckDBAppender } from '@duckdb/node-api';
import type { SignInKind } from '../../../model/sign-in.js';
import type { Store } from '../../../store/store.js';
import type { Counts, RecordKind } from '../framework/import-summary.js';
import { addCounts, countsFor, zeroCounts } from '../framework/import-summary.js';
import { QUARANTINE_RAW_LIMIT } from '../framework/quarantine.js';
import { normaliseSql, NORMALISED_TABLE, SIGN_IN_COLUMNS, SIGN_IN_MACROS, STAGE_TABLE } from './sign-in-sql.js';
import {
  BASIS_JOIN, basisSql, candidatesSql, KEEP_TABLE, keepStatements, PRIOR_TABLE, priorSql, sessionStatements, SIGN_IN_WRITE_TABLES, tallySql, UNSETTLED_TABLE,
  unsettledSql, writeNeedsSql,
} from './sign-in-write-sql.js';
import type { ReadSignInFile, SignInFileReader } from './sign-in-file-reader.js';


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
  /** New sign-ins stored (versions that replaced stored ones are not new). */
  stored: number;
  /** Whether the batch left principals whose stored sign-ins must be resolved and rolled up again (UNSETTLED_TABLE). */
  unsettled: boolean;
}

interface WriteOutcome {
  byKind: Map<string, Counts>;
  stored: number;
  unsettled: boolean;
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

  /** `lineOffset`: added to every staged line, for a chunk of a big file (see FileBatch). */
  constructor(
    private readonly store: Store,
    private readonly lineOffset = 0,
  ) {}

  async add(line: number, kind: SignInKind | null, raw: string, doc: string | null, envelope: boolean): Promise<void> {
    if (this.file !== null) throw new Error('sign-in stage already holds a whole file');
    if (this.appender === null) {
      await this.store.run(`CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} (line INTEGER, kind VARCHAR, raw VARCHAR, doc VARCHAR, envelope BOOLEAN)`);
      this.appender = await this.store.connection.createAppender(STAGE_TABLE, 'main', 'temp');
    }
    const appender = this.appender;
    appender.appendInteger(line + this.lineOffset);
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
    for (const table of SIGN_IN_WRITE_TABLES) await this.store.run(`DROP TABLE IF EXISTS ${table}`);
    await this.store.run(`DROP TABLE IF EXISTS ${NORMALISED_TABLE}`);
    await this.store.run(`DROP TABLE IF EXISTS ${STAGE_TABLE}`);
  }

  /**
   * Normalise (unless the fast path did) and store everything staged under `batchId`; invalid records go to
   * quarantine with their line. Counts per kind; quarantined records whose kind cannot be told are 'unknown'.
   * `format` is the batch's format: a later version of a stored sign-in replaces it only when both came by the same road.
   */
  async flush(batchId: string, file: string, format: string): Promise<StagedCounts> {
    if (this.file !== null) return this.flushFile(batchId, format, this.file);
    const counts = new Map<RecordKind | 'unknown', Counts>();
    if (this.appender === null) return { counts, tenantIds: [], stored: 0, unsettled: false };
    this.appender.flushSync();
    this.appender.closeSync();
    this.appender = null;
    await this.normalise(false);
    // Rows of the normalised table are in stage order: pair them by position (raw is not copied twice), and prove it.
    const [misaligned] = await this.store.all<{ n: number }>(
      `SELECT count(*) AS n FROM ${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s WHERE n.line IS DISTINCT FROM s.line`,
    );
    if ((misaligned?.n ?? 0) > 0) throw new Error('sign-in stage and normalised rows are out of step');
    const quarantined = await this.store.all<{ kind: string | null; n: number }>(
      `SELECT kind, count(*) AS n FROM ${NORMALISED_TABLE} WHERE reason IS NOT NULL GROUP BY kind`,
    );
    const written = await this.insertNew(batchId, format, NORMALISED_TABLE, {
      from: `${NORMALISED_TABLE} n POSITIONAL JOIN ${STAGE_TABLE} s`,
      raw: 's.raw',
    });
    for (const [kind, tally] of written.byKind) addCounts(countsFor(counts, recordKindOf(kind)), tally);
    for (const row of quarantined) addCounts(countsFor(counts, recordKindOf(row.kind)), { ...zeroCounts(), read: row.n, quarantined: row.n });
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
    return { counts, tenantIds: tenants.map((row) => row.tenant_id), stored: written.stored, unsettled: written.unsettled };
  }

  /** Store a file the fast path read: every record valid; a mismatched raw_hash fails the batch rather than store a wrong raw. */
  private async flushFile(batchId: string, format: string, read: ReadSignInFile): Promise<StagedCounts> {
    const counts = new Map<RecordKind | 'unknown', Counts>();
    const written = await this.insertNew(batchId, format, read.table, {
      from: `${read.table} n POSITIONAL JOIN ${read.rawTable} s`,
      raw: `CASE WHEN hash(s.raw) = n.raw_hash THEN s.raw ELSE error('sign-in file and its normalised rows are out of step') END`,
    });
    for (const [kind, tally] of written.byKind) addCounts(countsFor(counts, recordKindOf(kind)), tally);
    const tenants = await this.store.all<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM ${read.table} WHERE tenant_id IS NOT NULL ORDER BY tenant_id LIMIT 10`,
    );
    await this.drop();
    return { counts, tenantIds: tenants.map((row) => row.tenant_id), stored: written.stored, unsettled: written.unsettled };
  }

  /**
   * Store the valid rows of `normalised` that are new sign-ins or later versions of stored ones, each with its
   * mfa_basis resolved against the stored sessions (signInWriteSql). Rows go in file order, keeping the store
   * time-ordered; `raw` says where each row's raw text comes from (`from` joins normalised, as n, with it).
   * Returns the counts per kind, how many new sign-ins were stored, and whether principals were left to settle.
   */
  private async insertNew(batchId: string, format: string, normalised: string, raw: RawSource): Promise<WriteOutcome> {
    const [range] = await this.store.all<{ lo: string | null; hi: string | null }>(
      `SELECT CAST(min(created_at) AS VARCHAR) AS lo, CAST(max(created_at) AS VARCHAR) AS hi FROM ${normalised} WHERE reason IS NULL`,
    );
    const byKind = new Map<string, Counts>();
    if (range?.lo == null || range.hi == null) return { byKind, stored: 0, unsettled: false };
    await this.store.run(candidatesSql(normalised));
    await this.store.connection.run(priorSql(), { lo: range.lo, hi: range.hi });
    // Most batches meet no stored version, hold one version of each sign-in, or (workload sign-ins) no session: the
    // work for each is done only when the batch needs it.
    const [needs] = await this.store.all<{ prior: number; versions: number; sessions: number }>(writeNeedsSql(normalised));
    const metStored = (needs?.prior ?? 0) > 0;
    const sessions = (needs?.sessions ?? 0) > 0;
    for (const statement of keepStatements(normalised, metStored)) {
      if (metStored) await this.store.connection.run(statement, statement.includes('$format') ? { format } : {});
      else await this.store.run(statement);
    }
    if (sessions) for (const statement of sessionStatements(normalised)) await this.store.run(statement);
    if (metStored) {
      // Later versions replace the stored ones: their principals are settled again once the batch is rolled up.
      await this.store.run(`DELETE FROM sign_ins WHERE rowid IN (SELECT row FROM ${PRIOR_TABLE} WHERE pos IN (SELECT pos FROM ${KEEP_TABLE} WHERE outcome = 'updated'))`);
    }
    const columns = SIGN_IN_COLUMNS.map((name) => `n.${name}`).join(', ');
    await this.store.connection.run(
      `INSERT INTO sign_ins (${SIGN_IN_COLUMNS.join(', ')}, mfa_basis, raw, batch_id)
       SELECT ${columns}, ${basisSql(sessions)}, CAST(${raw.raw} AS JSON), $batch
       FROM ${raw.from} ${sessions ? BASIS_JOIN : ''}
       WHERE n.reason IS NULL AND n.rowid IN (SELECT pos FROM ${KEEP_TABLE} WHERE outcome IN ('stored', 'updated'))`,
      { batch: batchId },
    );
    const tallies = await this.store.all<{ kind: string; read: number; stored: number; updated: number; duplicates: number }>(
      tallySql(normalised, (needs?.versions ?? 0) > 0),
    );
    let stored = 0;
    for (const row of tallies) {
      byKind.set(row.kind, { read: row.read, stored: row.stored, updated: row.updated, duplicates: row.duplicates, quarantined: 0 });
      stored += row.stored;
    }
    if (!sessions && !metStored) return { byKind, stored, unsettled: false };
    await this.store.run(unsettledSql(sessions));
    const [unsettled] = await this.store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${UNSETTLED_TABLE}`);
    return { byKind, stored, unsettled: (unsettled?.n ?? 0) > 0 };
  }

  /** Forget everything staged, tables included (before a batch is retried). */
  async reset(): Promise<void> {
    this.discard();
    this.release();
    await this.drop();
    await this.store.run(`DROP TABLE IF EXISTS ${UNSETTLED_TABLE}`);
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
