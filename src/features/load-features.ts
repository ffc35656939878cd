import type { DuckDBDataChunk, DuckDBVector } from '@duckdb/node-api';
import type { Store } from '../store/store.js';
import { signInRollupState, type SignInRollupState } from '../store/rollups/sign-in-rollups.js';
import { identityFeaturesSql, tenantFeaturesSql, TRUSTED_LOCATION, type SignInSource } from './feature-sql.js';
import { featuresFromText, identityRowCheck, textsOf, type FeatureRows } from './identity-row.js';
import { ISO_INSTANT_FORMAT, jsonValueSql, SIGN_IN_BLOCK_KEYS } from './sign-in-block-sql.js';
import { COLLECTION_FACT_KEYS, TENANT_TIME_FIELDS, tenantFeaturesSchema, type IdentityFeatures, type TenantFeatures } from './identity-features.js';
import { holdsPushedFeatures, loadCollectionFacts } from './collection-facts.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/gu, (letter) => `_${letter.toLowerCase()}`);
}

/** The tenant's feature row as one JSON object keyed by the schema's camelCase names, times as ISO instants. */
function jsonRowSql(keys: readonly string[], times: ReadonlySet<string>): string {
  const fields = keys.map((key) => (times.has(key) ? `'${key}': strftime(f.${snake(key)}, '${ISO_INSTANT_FORMAT}')` : `'${key}': f.${snake(key)}`));
  return `to_json({${fields.join(', ')}})::VARCHAR`;
}

/**
 * An identity's feature row as one JSON list of three lists of its values in the schema's key order (featuresFromText
 * joins them): those before the sign-in block, the block, those after, times as ISO instants. The keys, half the bytes
 * of a row of 100 fields, are not written, decoded and parsed 52,500 times, and are put back by the row check
 * (parseValues). The sign-in block is the JSON text the summary keeps (sign-in-block-sql.ts), spliced in as it is:
 * cutting the brackets off it and off the lists around it to make one flat list copied 1.7 KB a row three more times
 * (0.23 s of DuckDB's CPU at 52,500 identities). One concat, not a chain of ||, each of which copies all it has
 * joined so far.
 */
function jsonValuesSql(keys: readonly string[]): string {
  const first = keys.indexOf(SIGN_IN_BLOCK_KEYS[0] ?? '');
  const list = (part: readonly string[]): string => `json_array(${part.map((key) => jsonValueSql(key, `f.${snake(key)}`)).join(', ')})::VARCHAR`;
  return `concat('[', ${list(keys.slice(0, first))}, ',', f.sign_in_block, ',', ${list(keys.slice(first + SIGN_IN_BLOCK_KEYS.length))}, ']')`;
}

const STREAMING_BUFFER = '64KB';
/** The order of the values in a row: the check's, which is the schema's. */
const IDENTITY_ROW = jsonValuesSql(identityRowCheck.keys);
const TENANT_ROW = jsonRowSql(Object.keys(tenantFeaturesSchema.shape).filter((key) => !COLLECTION_FACT_KEYS.has(key)), TENANT_TIME_FIELDS);

function parsedRecord(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  return isRecord(parsed) ? parsed : {};
}

export async function loadTenantFeatures(store: Store): Promise<TenantFeatures> {
  const [row] = await store.all<{ row: string }>(`SELECT ${TENANT_ROW} AS row FROM (${tenantFeaturesSql(await holdsPushedFeatures(store))}) f`);
  const result = tenantFeaturesSchema.safeParse({ ...parsedRecord(row?.row ?? '{}'), ...(await loadCollectionFacts(store)) });
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new Error(`feature row for the tenant does not match the feature schema: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}

const SOURCE_FOR_STATE: Readonly<Record<SignInRollupState, SignInSource>> = { summarised: 'summary', compacted: 'compacted-rollups', spread: 'rollups', stale: 'sign-ins' };

/**
 * A DuckDB chunk's texts, each decoded when it is asked for and not kept: the 2,048 texts of a chunk decoded at once
 * (and a vector keeps every item it decoded) all lived until the last was analysed, so the young generation's
 * collections copied them twice, into survivor and then old space (9 MB of 35 MB promoted at 5,250 identities);
 * decoded one by one, each dies young.
 */
class ChunkRows implements FeatureRows {
  readonly length: number;
  private readonly vector: DuckDBVector;
  /** Kept with the vector that reads its memory, for as long as the rows are. */
  private readonly chunk: DuckDBDataChunk;

  constructor(chunk: DuckDBDataChunk) {
    this.chunk = chunk;
    this.length = chunk.rowCount;
    this.vector = chunk.getColumnVector(0);
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    // A slice of one item has a cache of its own, which dies with it.
    const text = this.vector.slice(index, 1).getItem(0);
    return typeof text === 'string' ? text : '';
  }
}

/**
 * The feature rows of every identity as JSON texts, a DuckDB chunk (up to 2,048 rows) at a time and in no particular
 * order: directory objects and every principal seen only in sign-ins or the Activity log. `source` forces where
 * sign-in features come from (tests compare them); by default the rollups when they cover the cut-off.
 * One JSON text per row (three lists of the values, see jsonValuesSql): JSON.parse turns nested lists into objects far
 * faster than converting DuckDB values one by one, and a text can be handed to another thread as it is.
 */
export async function* identityFeatureRows(store: Store, until: string, source?: SignInSource): AsyncGenerator<FeatureRows> {
  const chosen = source ?? ((await holdsPushedFeatures(store)) ? 'pushed' : SOURCE_FOR_STATE[await signInRollupState(store, until)]);
  const [trusted] = await store.all<{ any: boolean }>(`SELECT count(*) > 0 AS any FROM named_locations WHERE ${TRUSTED_LOCATION}`);
  const sql = identityFeaturesSql(until, chosen, trusted?.any === true);
  // The next chunk is fetched (DuckDB writing its JSON on its own threads) while the caller works on this one, and
  // each chunk's texts die young instead of all of them (76 MB at 52,500 identities) living until the last.
  // DuckDB counts a buffered row's text as 16 bytes, so its default buffer (~1 MB) holds every row of 52,500 and the
  // first chunk comes only when all are written; a small one hands chunks over as they are made.
  await store.run(`SET streaming_buffer_size = '${STREAMING_BUFFER}'`);
  let next: Promise<DuckDBDataChunk | null> | null = null;
  try {
    const result = await store.connection.stream(`SELECT ${IDENTITY_ROW} AS row FROM (${sql}) f`);
    next = result.fetchChunk();
    for (let chunk = await next; chunk !== null && chunk.rowCount > 0; chunk = await next) {
      next = result.fetchChunk();
      yield new ChunkRows(chunk);
    }
  } finally {
    // A caller that stops early (an error in its work) leaves a fetch in flight: it ends before the connection is
    // used again, and its outcome no longer matters.
    await next?.catch(() => null);
    await store.run('RESET streaming_buffer_size');
  }
}

/** identityFeatureRows with each chunk's texts in a list. */
export async function* identityFeatureTexts(store: Store, until: string, source?: SignInSource): AsyncGenerator<string[]> {
  for await (const rows of identityFeatureRows(store, until, source)) yield textsOf(rows);
}

/** Every identity's features, by id (as DuckDB would order these ASCII ids; sorted here, not in the query). */
export async function loadIdentityFeatures(store: Store, until: string, source?: SignInSource): Promise<IdentityFeatures[]> {
  const features: IdentityFeatures[] = [];
  for await (const texts of identityFeatureTexts(store, until, source)) for (const text of texts) features.push(featuresFromText(text));
  return features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
