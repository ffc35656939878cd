import type { Store } from '../store/store.js';
import { signInRollupState, type SignInRollupState } from '../store/rollups/sign-in-rollups.js';
import { identityFeaturesSql, TENANT_FEATURES_SQL, type SignInSource } from './feature-sql.js';
import { compileRowCheck } from './feature-row-check.js';
import { IDENTITY_TIME_FIELDS, identityFeaturesSchema, TENANT_TIME_FIELDS, tenantFeaturesSchema, type IdentityFeatures, type TenantFeatures } from './identity-features.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/gu, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * A feature row as one JSON object in its final form: keyed by the schema's camelCase names and with times as ISO
 * instants, so that Node only parses and checks it (no renaming or conversion pass over 100 keys × rows).
 */
function jsonRowSql(keys: readonly string[], times: ReadonlySet<string>): string {
  const fields = keys.map((key) => (times.has(key) ? `'${key}': strftime(f.${snake(key)}, '${ISO_FORMAT}')` : `'${key}': f.${snake(key)}`));
  return `to_json({${fields.join(', ')}})::VARCHAR`;
}

const ISO_FORMAT = '%Y-%m-%dT%H:%M:%S.%gZ';
const IDENTITY_ROW = jsonRowSql(Object.keys(identityFeaturesSchema.shape), IDENTITY_TIME_FIELDS);
const TENANT_ROW = jsonRowSql(Object.keys(tenantFeaturesSchema.shape), TENANT_TIME_FIELDS);
const identityRowCheck = compileRowCheck(identityFeaturesSchema);

function parsedRecord(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  return isRecord(parsed) ? parsed : {};
}

export async function loadTenantFeatures(store: Store): Promise<TenantFeatures> {
  const [row] = await store.all<{ row: string }>(`SELECT ${TENANT_ROW} AS row FROM (${TENANT_FEATURES_SQL}) f`);
  const result = tenantFeaturesSchema.safeParse(parsedRecord(row?.row ?? '{}'));
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new Error(`feature row for the tenant does not match the feature schema: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}

const SOURCE_FOR_STATE: Readonly<Record<SignInRollupState, SignInSource>> = { summarised: 'summary', compacted: 'compacted-rollups', spread: 'rollups', stale: 'sign-ins' };

/**
 * One feature row per identity: directory objects and every principal seen only in sign-ins or the Activity log.
 * `source` forces where sign-in features come from (tests compare the two); by default the rollups when they cover the cut-off.
 */
export async function loadIdentityFeatures(store: Store, until: string, source?: SignInSource): Promise<IdentityFeatures[]> {
  // One JSON text per row: JSON.parse turns nested lists into objects far faster than converting DuckDB values one by one.
  const chosen = source ?? SOURCE_FOR_STATE[await signInRollupState(store, until)];
  const sql = identityFeaturesSql(until, chosen);
  const features: IdentityFeatures[] = [];
  // Streamed a chunk at a time, the next chunk fetched (DuckDB writing its JSON on its own thread) while this one is
  // parsed: each chunk's texts die young instead of 150 MB of them (at 52,500 identities) living until the last.
  const result = await store.connection.stream(`SELECT ${IDENTITY_ROW} AS row FROM (${sql}) f`);
  let next = result.fetchChunk();
  for (let chunk = await next; chunk !== null && chunk.rowCount > 0; chunk = await next) {
    next = result.fetchChunk();
    for (const text of chunk.getColumnValues(0)) {
      const record = parsedRecord(typeof text === 'string' ? text : '');
      features.push(identityRowCheck.parse(record, typeof record['id'] === 'string' ? record['id'] : 'an identity'));
    }
  }
  // By id, as DuckDB would order them (code units = bytes for these ASCII ids), sorted here: ORDER BY in the query
  // moved every row's text through DuckDB's sort.
  return features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
