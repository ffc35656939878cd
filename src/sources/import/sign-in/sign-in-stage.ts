import type { DuckDBAppender } from '@duckdb/node-api';
import type { SignInKind } from '../../../model/sign-in.js';
import type { Store } from '../../../store/store.js';
import type { Counts, RecordKind } from '../framework/import-summary.js';
import { zeroCounts } from '../framework/import-summary.js';
import { NORMALISE_SQL, NORMALISED_TABLE, SIGN_IN_COLUMNS, SIGN_IN_MACROS, STAGE_TABLE } from './sign-in-sql.js';
import { QUARANTINE_RAW_LIMIT } from '../framework/quarantine.js';

/**
 * Sign-ins waiting in a temp table for the SQL normaliser. Formats add records as they read them
 * (raw text + a Graph-shaped doc, or null when raw already is one), so a huge file never sits in JS memory.
 */
export class SignInStage {
  private appender: DuckDBAppender | null = null;
  count = 0;

  constructor(private readonly store: Store) {}

  async add(line: number, kind: SignInKind | null, raw: string, doc: string | null): Promise<void> {
    if (this.appender === null) {
      await this.store.run(`CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} (line INTEGER, kind VARCHAR, raw VARCHAR, doc VARCHAR)`);
      this.appender = await this.store.connection.createAppender(STAGE_TABLE, 'main', 'temp');
    }
    const appender = this.appender;
    appender.appendInteger(line);
    if (kind === null) appender.appendNull();
    else appender.appendVarchar(kind);
    appender.appendVarchar(raw);
    if (doc === null) appender.appendNull();
    else appender.appendVarchar(doc);
    appender.endRow();
    this.count += 1;
  }

  /**
   * Normalise and store everything staged under `batchId`; invalid records go to quarantine with their line.
   * Returns counts per kind; quarantined records whose kind cannot be told are under 'unknown'.
   */
  async flush(batchId: string, file: string): Promise<{ counts: Map<RecordKind | 'unknown', Counts>; tenantIds: string[] }> {
    const counts = new Map<RecordKind | 'unknown', Counts>();
    if (this.appender === null) return { counts, tenantIds: [] };
    this.appender.flushSync();
    this.appender.closeSync();
    this.appender = null;
    await this.store.connection.run(SIGN_IN_MACROS);
    await this.store.run(NORMALISE_SQL);
    const tally = await this.store.all<{ kind: string | null; read: number; quarantined: number }>(
      `SELECT kind, count(*) AS read, count(reason) AS quarantined FROM ${NORMALISED_TABLE} GROUP BY kind`,
    );
    const columns = SIGN_IN_COLUMNS.join(', ');
    for (const row of tally) {
      const kind = recordKindOf(row.kind);
      const entry = counts.get(kind) ?? zeroCounts();
      entry.read += row.read;
      entry.quarantined += row.quarantined;
      counts.set(kind, entry);
      if (kind === 'unknown' || row.kind === null) continue;
      const result = await this.store.connection.run(
        `INSERT OR IGNORE INTO sign_ins (${columns}, raw, batch_id)
         SELECT ${columns}, CAST(raw AS JSON), $batch FROM ${NORMALISED_TABLE} WHERE reason IS NULL AND kind = $kind`,
        { batch: batchId, kind: row.kind },
      );
      entry.stored += result.rowsChanged;
      entry.duplicates += row.read - row.quarantined - result.rowsChanged;
    }
    await this.store.connection.run(
      `INSERT INTO quarantine (batch_id, file, line, reason, raw)
       SELECT $batch, $file, line, reason, left(raw, ${QUARANTINE_RAW_LIMIT}) FROM ${NORMALISED_TABLE} WHERE reason IS NOT NULL ORDER BY line`,
      { batch: batchId, file },
    );
    const tenants = await this.store.all<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${NORMALISED_TABLE} WHERE reason IS NULL AND tenant_id IS NOT NULL LIMIT 10`);
    await this.store.run(`DROP TABLE ${NORMALISED_TABLE}`);
    await this.store.run(`DROP TABLE ${STAGE_TABLE}`);
    return { counts, tenantIds: tenants.map((row) => row.tenant_id) };
  }

  /** Drop whatever is staged (the batch failed). */
  discard(): void {
    if (this.appender === null) return;
    try {
      this.appender.closeSync();
    } catch {
      // The connection is being rolled back; the temp table goes with it.
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
