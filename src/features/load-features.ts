import { z } from 'zod';
import type { Store } from '../store/store.js';
import { hourRangeSql, identityFeaturesSql, TENANT_FEATURES_SQL, type HourRange } from './feature-sql.js';
import { identityFeaturesSchema, tenantFeaturesSchema, type IdentityFeatures, type TenantFeatures } from './identity-features.js';

/** Every row has the same hundred column names: convert each once, not once per row. */
const CAMEL = new Map<string, string>();

function camel(name: string): string {
  let converted = CAMEL.get(name);
  if (converted === undefined) {
    converted = name.replace(/_(?<letter>[a-z])/gu, (_match, letter: string) => letter.toUpperCase());
    CAMEL.set(name, converted);
  }
  return converted;
}

function camelKeys(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[camel(key)] = value;
  return out;
}

/** A feature row that does not fit the schema is a bug in the SQL (or the KQL), not bad input: say which identity and field. */
function parseRow<T>(schema: z.ZodType<T>, row: Record<string, unknown>, what: string, keys: 'snake' | 'camel' = 'snake'): T {
  const result = schema.safeParse(keys === 'snake' ? camelKeys(row) : row);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new Error(`feature row for ${what} does not match the feature schema: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/gu, (letter) => `_${letter.toLowerCase()}`);
}

/** The feature row as one JSON object already keyed by the schema's camelCase names: no renaming pass over 100 keys × rows in Node. */
const CAMEL_ROW = `{${Object.keys(identityFeaturesSchema.shape).map((key) => `'${key}': f.${snake(key)}`).join(', ')}}`;

export async function loadTenantFeatures(store: Store): Promise<TenantFeatures> {
  const [row] = await store.all(TENANT_FEATURES_SQL);
  return parseRow(tenantFeaturesSchema, row ?? {}, 'the tenant');
}

const integer = z.number().int().nullable();

async function hourRange(store: Store, until: string): Promise<HourRange> {
  const [row] = await store.all(hourRangeSql(until));
  const first = integer.parse(row?.['first'] ?? null);
  const last = integer.parse(row?.['last'] ?? null);
  return first === null || last === null ? { first: 0, last: 0 } : { first, last };
}

/** One feature row per identity: directory objects and every principal seen only in sign-ins or the Activity log. */
export async function loadIdentityFeatures(store: Store, until: string): Promise<IdentityFeatures[]> {
  // One JSON text per row: JSON.parse turns nested lists into objects far faster than converting DuckDB values one by one.
  const sql = identityFeaturesSql(until, await hourRange(store, until));
  const rows = await store.all<{ row: string }>(`SELECT to_json(${CAMEL_ROW})::VARCHAR AS row FROM (${sql}) f ORDER BY f.id`);
  return rows.map((row) => {
    const parsed: unknown = JSON.parse(row.row);
    const record = isRecord(parsed) ? parsed : {};
    return parseRow(identityFeaturesSchema, record, typeof record['id'] === 'string' ? record['id'] : 'an identity', 'camel');
  });
}
