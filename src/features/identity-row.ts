import { compileRowCheck } from './feature-row-check.js';
import { identityFeaturesSchema, type IdentityFeatures } from './identity-features.js';

/**
 * An identity's feature row as it leaves the store: the JSON list of its values in the schema's key order
 * (load-features.ts). Apart from the query so that a worker thread analysing rows loads the check and not the store.
 */
export const identityRowCheck = compileRowCheck(identityFeaturesSchema);
const ID_INDEX = identityRowCheck.keys.indexOf('id');

/** One identity's feature row from its JSON text, checked against the schema. */
export function featuresFromText(text: string): IdentityFeatures {
  const values: unknown = JSON.parse(text);
  const id: unknown = Array.isArray(values) ? values[ID_INDEX] : null;
  return identityRowCheck.parseValues(values, typeof id === 'string' ? id : 'an identity');
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
