import { compileRowCheck } from './feature-row-check.js';
import { identityFeaturesSchema, type IdentityFeatures } from './identity-features.js';
import { SIGN_IN_BLOCK_KEYS } from './sign-in-block-sql.js';

/**
 * An identity's feature row as it leaves the store: its values in the schema's key order, as a JSON list of three
 * lists: the values before the sign-in block, the block's (the text the sign-in summary keeps, spliced in as it is),
 * and the values after it (load-features.ts). Apart from the query so that a worker thread analysing rows loads the
 * check and not the store.
 */
export const identityRowCheck = compileRowCheck(identityFeaturesSchema);
const ID_INDEX = identityRowCheck.keys.indexOf('id');
const BLOCK_START = identityRowCheck.keys.indexOf(SIGN_IN_BLOCK_KEYS[0] ?? '');
const BLOCK_END = BLOCK_START + SIGN_IN_BLOCK_KEYS.length;

function isRowGroups(value: unknown): value is [unknown[], unknown[], unknown[]] {
  return Array.isArray(value) && value.length === 3 && Array.isArray(value[0]) && Array.isArray(value[1]) && Array.isArray(value[2]);
}

/** One identity's feature row from its JSON text, checked against the schema. */
export function featuresFromText(text: string): IdentityFeatures {
  const parsed: unknown = JSON.parse(text);
  // Not three lists: the check says what the row is instead.
  const values: unknown = isRowGroups(parsed) ? parsed[0].concat(parsed[1], parsed[2]) : parsed;
  const id: unknown = Array.isArray(values) ? values[ID_INDEX] : null;
  return identityRowCheck.parseValues(values, typeof id === 'string' ? id : 'an identity');
}

/** The feature row text the store would give for `features` (tests, and rows made outside the store). */
export function featureRowText(features: IdentityFeatures): string {
  const record: Readonly<Record<string, unknown>> = features;
  const values = identityRowCheck.keys.map((key) => record[key]);
  return JSON.stringify([values.slice(0, BLOCK_START), values.slice(BLOCK_START, BLOCK_END), values.slice(BLOCK_END)]);
}

/** Rows of JSON text by position, as a list of strings gives them: a chunk of feature rows (identityFeatureRows). */
export interface FeatureRows {
  readonly length: number;
  at(index: number): string | undefined;
}

/** The rows' texts in a list. */
export function textsOf(rows: FeatureRows): string[] {
  return Array.from({ length: rows.length }, (_, index) => rows.at(index) ?? '');
}

/** `length` of the rows from `start` on, by position. */
export function rowsSlice(rows: FeatureRows, start: number, length: number): FeatureRows {
  return { length, at: (index) => (index >= 0 && index < length ? rows.at(start + index) : undefined) };
}
