import type { Store } from '../store.js';
import { batchCounts, batchesFinished, quarantineCounts, rowsHaveBatches } from './batch-checks.js';
import { checkpoints, snapshots } from './governance-checks.js';
import type { IntegrityCheck, IntegrityCheckName, IntegrityReport } from './integrity-types.js';
import { mfaBasis, rollupCoverage, rollupsRebuild, summary } from './rollup-checks.js';
import { storeTables } from './store-tables.js';
import { readable, schema } from './table-checks.js';

interface CheckDefinition {
  name: IntegrityCheckName;
  /** The tables it reads: a store written before they existed has nothing for it to judge. */
  tables: readonly string[];
  /**
   * The schema version whose columns it reads (default 1). A store at an older one (a command killed while migrating
   * it, or an older unattended) is judged by the checks it can answer; the next command that writes it migrates it.
   */
  since?: number;
  run(store: Store): Promise<IntegrityCheck>;
}

const ROLLUP_TABLES = ['sign_ins', 'derived_tables', 'sign_in_cells', 'sign_in_profiles', 'sign_in_sessions'];

/** In order: the schema and the bytes first, then the bookkeeping of the sources, then what is derived from it. */
const CHECKS: readonly CheckDefinition[] = [
  { name: 'schema', tables: [], run: schema },
  { name: 'readable', tables: [], run: readable },
  { name: 'batches-finished', tables: ['batches'], run: batchesFinished },
  { name: 'rows-have-batches', tables: ['batches'], run: rowsHaveBatches },
  { name: 'batch-counts', tables: ['batches'], since: 5, run: batchCounts },
  { name: 'quarantine-counts', tables: ['batches', 'quarantine'], run: quarantineCounts },
  { name: 'rollup-coverage', tables: ROLLUP_TABLES, run: rollupCoverage },
  { name: 'rollups-rebuild', tables: ROLLUP_TABLES, since: 5, run: rollupsRebuild },
  { name: 'mfa-basis', tables: ROLLUP_TABLES, since: 5, run: mfaBasis },
  { name: 'summary', tables: [...ROLLUP_TABLES, 'sign_in_summary'], since: 5, run: summary },
  { name: 'snapshots', tables: ['snapshots', 'snapshot_identities', 'snapshot_automation'], since: 8, run: snapshots },
  { name: 'checkpoints', tables: ['collect_checkpoints'], run: checkpoints },
];

/** The newest migration the store records (0 without any: the schema check says what that means). */
async function schemaVersionOf(store: Store, tables: ReadonlySet<string>): Promise<number> {
  if (!tables.has('schema_migrations')) return 0;
  const [row] = await store.all<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

/**
 * Whether a store is whole: every table reads back in full, every batch finished and holds no more than it counted,
 * every row names its batch, the rollups equal a rebuild from the sign-ins, every snapshot holds what its head counts.
 * Reads only: open the store read-only, so that what a killed command left is judged as it is (opening it for writing
 * would first finish an interrupted import's merge). A check that throws fails with its error; the rest still run.
 */
export async function checkStoreIntegrity(store: Store): Promise<IntegrityReport> {
  const tables = new Set(await storeTables(store));
  const version = await schemaVersionOf(store, tables);
  const checks: IntegrityCheck[] = [];
  for (const definition of CHECKS) {
    const missing = definition.tables.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      checks.push({ name: definition.name, status: 'skipped', detail: `no ${missing.join(', ')} table in this store's version` });
      continue;
    }
    if ((definition.since ?? 1) > version) {
      checks.push({ name: definition.name, status: 'skipped', detail: `reads columns of schema version ${definition.since ?? 1}, the store is at ${version}: migrated when next opened for writing` });
      continue;
    }
    try {
      checks.push(await definition.run(store));
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      checks.push({ name: definition.name, status: 'failed', detail: `could not be checked: ${message}` });
    }
  }
  return { path: store.path, ok: checks.every((check) => check.status !== 'failed'), checks };
}
