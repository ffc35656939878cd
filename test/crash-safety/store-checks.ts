import { checkStoreIntegrity } from '../../src/store/integrity/store-integrity.js';
import { openStore, type Store } from '../../src/store/store.js';

export interface StoreVerdict {
  /** The checks that passed (skipped ones, e.g. a summary an interrupted import left to do, are neither). */
  passed: number;
  /** Each failed check as `name: detail`. */
  failed: string[];
}

/**
 * The integrity check on a store as a killed command left it, read-only: opening it for writing would first finish
 * an interrupted import. A store that cannot even be opened fails as one line.
 */
export async function storeVerdict(db: string): Promise<StoreVerdict> {
  let store: Store;
  try {
    store = await openStore(db, { readOnly: true });
  } catch (error) {
    return { passed: 0, failed: [`open: ${error instanceof Error ? error.message : String(error)}`] };
  }
  try {
    const report = await checkStoreIntegrity(store);
    return {
      passed: report.checks.filter((check) => check.status === 'ok').length,
      failed: report.checks.filter((check) => check.status === 'failed').map((check) => `${check.name}: ${check.detail}`),
    };
  } finally {
    store.close();
  }
}

/** Each table's rows, sorted, without the columns that differ between runs by design, as a count and an md5. */
export async function tableDigest(db: string, tables: readonly (readonly [table: string, order: string, exclude?: string])[]): Promise<Record<string, string>> {
  const store = await openStore(db, { readOnly: true });
  try {
    const digest: Record<string, string> = {};
    for (const [table, order, exclude] of tables) {
      const source = exclude === undefined ? table : `(SELECT * EXCLUDE (${exclude}) FROM ${table})`;
      const [row] = await store.all<{ rows: string | null; n: number }>(
        `SELECT count(*)::INTEGER AS n, md5(string_agg(CAST(to_json(t) AS VARCHAR), '\n' ORDER BY ${order})) AS rows FROM ${source} t`,
      );
      digest[table] = `${row?.n ?? 0} ${row?.rows ?? ''}`;
    }
    return digest;
  } finally {
    store.close();
  }
}
