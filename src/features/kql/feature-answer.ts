import { z } from 'zod';
import { blankFeatures } from '../blank-features.js';
import { IDENTITY_TIME_FIELDS, identityFeaturesSchema, type IdentityFeatures } from '../identity-features.js';
import { SIGN_IN_BLOCK_KEYS } from '../sign-in-block-sql.js';
import { fieldsOf, KQL_FEATURES, type KqlFeature } from './feature-kql-fields.js';

/**
 * A feature query's answer, read back: the Log Analytics query API's documented shape
 * (`{ tables: [{ name, columns: [{ name, type }], rows: [[…]] }] }`), the same tables as @azure/monitor-query-logs
 * hands them over (`columnDescriptors`, datetimes as Date, dynamics parsed), or Azure Data Explorer's v1 REST answer
 * (`Tables`, `Columns: [{ ColumnName, ColumnType }]`, `Rows`). Each row becomes the sign-in and Activity-log halves of
 * a principal's feature row, in the feature schema's own forms: times as ISO instants to the millisecond, lists in the
 * order the SQL sorts them (most first, then by key) and cut as it cuts them, absent values as a blank row has them.
 */
export interface PushedFeatureRow {
  pid: string;
  pkind: 'user' | 'servicePrincipal' | 'managedIdentity';
  upn: string | null;
  userDisplayName: string | null;
  spName: string | null;
  userType: string | null;
  spAppId: string | null;
  okIps: string[];
  /** AzureActivity rows of the principal. */
  operations: number;
  /** Every field the query computes (all but the 'local' ones), by key. */
  features: Partial<IdentityFeatures>;
}

export interface AnswerTable {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

const restSchema = z.object({ tables: z.array(z.object({ name: z.string().optional(), columns: z.array(z.object({ name: z.string(), type: z.string() })), rows: z.array(z.array(z.unknown())) })) });
const sdkSchema = z.object({ tables: z.array(z.object({ columnDescriptors: z.array(z.object({ name: z.string().optional(), type: z.string().optional() })), rows: z.array(z.array(z.unknown())) })) });
const adxSchema = z.object({ Tables: z.array(z.object({ Columns: z.array(z.object({ ColumnName: z.string(), ColumnType: z.string().optional(), DataType: z.string().optional() })), Rows: z.array(z.array(z.unknown())) })) });

/** The primary result table of an answer in any of the three shapes; null when it is none of them. */
export function primaryTable(answer: unknown): AnswerTable | null {
  const rest = restSchema.safeParse(answer);
  if (rest.success) {
    const first = rest.data.tables[0];
    return first ? { columns: first.columns, rows: first.rows } : null;
  }
  const sdk = sdkSchema.safeParse(answer);
  if (sdk.success) {
    const first = sdk.data.tables[0];
    return first ? { columns: first.columnDescriptors.map((column) => ({ name: column.name ?? '', type: column.type ?? 'string' })), rows: first.rows } : null;
  }
  const adx = adxSchema.safeParse(answer);
  if (adx.success) {
    const first = adx.data.Tables[0];
    return first ? { columns: first.Columns.map((column) => ({ name: column.ColumnName, type: (column.ColumnType ?? column.DataType ?? 'string').toLowerCase() })), rows: first.Rows } : null;
  }
  return null;
}

function instant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) throw new Error(`not a datetime: ${typeof value}`);
  return date.toISOString();
}

function dynamic(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
  return JSON.parse(trimmed);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function numberOr(value: unknown, fallback: number | null): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

const keyEntry = z.object({ key: z.union([z.string(), z.number()]), name: z.string().nullish(), count: z.number() });
const codeEntry = z.object({ code: z.number(), count: z.number() });
const asnEntry = z.object({ asn: z.number(), count: z.number() });

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A list field: its entries, most first then by key (as the summary SQL sorts), cut to the field's limit. */
function listValue(key: keyof IdentityFeatures, feature: Extract<KqlFeature, { stage: 'list' }>, value: unknown): unknown[] {
  const raw = dynamic(value);
  const entries = Array.isArray(raw) ? raw : [];
  const limit = (list: unknown[]): unknown[] => (feature.limit === null ? list : list.slice(0, feature.limit));
  if (feature.dim === 'failure') {
    const parsed = z.array(codeEntry).parse(entries);
    return limit(parsed.sort((a, b) => b.count - a.count || a.code - b.code).map((entry) => ({ code: entry.code, count: entry.count })));
  }
  if (feature.dim === 'asn') {
    const parsed = z.array(asnEntry).parse(entries);
    return limit(parsed.sort((a, b) => b.count - a.count || a.asn - b.asn).map((entry) => ({ asn: entry.asn, count: entry.count })));
  }
  const parsed = z.array(keyEntry).safeParse(entries);
  if (!parsed.success) throw new Error(`${key}: not a list of {key, name, count}`);
  return limit(
    parsed.data
      .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key))
      .map((entry) => ({ key: String(entry.key), name: text(entry.name), count: entry.count })),
  );
}

/** A field's value from its column, in the schema's form; `fallback` (a blank row's) when absent. */
function fieldValue(key: keyof IdentityFeatures, value: unknown, fallback: unknown): unknown {
  const feature = KQL_FEATURES[key];
  if (value === null || value === undefined) return fallback;
  if (feature.stage === 'list') return listValue(key, feature, value);
  if (IDENTITY_TIME_FIELDS.has(key)) return instant(value);
  if (key === 'hourOfWeek') {
    const raw = dynamic(value);
    return Array.isArray(raw) ? raw.map((count) => numberOr(count, 0)) : fallback;
  }
  if (key === 'scopeMfaFailureCodes' || key === 'policyDeniedDefinitions') {
    const raw = dynamic(value);
    const list = Array.isArray(raw) ? raw : [];
    return key === 'scopeMfaFailureCodes' ? list.map((code) => numberOr(code, 0)).sort((a, b) => (a ?? 0) - (b ?? 0)) : list.map(String).sort();
  }
  // A number where the schema takes numbers (counts, and the gap statistics, null when absent); text otherwise.
  if (NUMERIC.has(key)) return numberOr(value, typeof fallback === 'number' ? fallback : null);
  return typeof value === 'string' ? text(value) : value;
}

/** The fields the schema takes a number for (a nullable number accepts 0, a nullable text does not). */
const NUMERIC: ReadonlySet<string> = new Set(Object.entries(identityFeaturesSchema.shape).filter(([, schema]) => schema.safeParse(0).success).map(([key]) => key));

const PKINDS = new Set(['user', 'servicePrincipal', 'managedIdentity']);

/** The computed fields, in the schema's order. */
const COMPUTED: readonly (keyof IdentityFeatures)[] = (['sign-ins', 'latest', 'timing', 'hour-of-week', 'list', 'activity'] as const).flatMap((stage) => fieldsOf(stage));

export function pushedRows(answer: unknown): PushedFeatureRow[] {
  const table = primaryTable(answer);
  if (table === null) throw new Error('the answer has no result table (expected tables, columns and rows)');
  const index = new Map(table.columns.map((column, position) => [column.name, position]));
  const blank = blankFeatures('blank', 'user');
  return table.rows.map((cells, rowNumber) => {
    const cell = (name: string): unknown => {
      const position = index.get(name);
      return position === undefined ? undefined : cells[position];
    };
    const pid = text(cell('pid'));
    if (pid === null) throw new Error(`row ${rowNumber + 1}: no pid`);
    const okind = text(cell('okind'));
    const pkind = text(cell('pkind')) ?? okind ?? 'user';
    if (!PKINDS.has(pkind)) throw new Error(`row ${rowNumber + 1}: unknown kind ${pkind}`);
    const features: Partial<IdentityFeatures> = {};
    for (const key of COMPUTED) Object.assign(features, { [key]: fieldValue(key, cell(key), blank[key]) });
    const okIps = dynamic(cell('okIps'));
    return {
      pid,
      pkind: pkind === 'managedIdentity' ? 'managedIdentity' : pkind === 'servicePrincipal' ? 'servicePrincipal' : 'user',
      upn: text(cell('upn')) ?? text(cell('opUpn')),
      userDisplayName: text(cell('userDisplayName')),
      spName: text(cell('spName')),
      userType: text(cell('userType')),
      spAppId: text(cell('spAppId')),
      okIps: Array.isArray(okIps) ? okIps.map(String).sort() : [],
      operations: numberOr(cell('operations'), 0) ?? 0,
      features,
    };
  });
}

/** The sign-in block of a pushed row: its values in the schema's order, as the JSON text the store's summary keeps. */
export function signInBlockText(row: PushedFeatureRow): string {
  return JSON.stringify(SIGN_IN_BLOCK_KEYS.map((key) => (key in row.features ? Reflect.get(row.features, key) : null)));
}

/** The block of an identity without sign-ins: a blank row's values. */
export function blankSignInBlockText(): string {
  const blank = blankFeatures('blank', 'user');
  return JSON.stringify(SIGN_IN_BLOCK_KEYS.map((key) => Reflect.get(blank, key)));
}
