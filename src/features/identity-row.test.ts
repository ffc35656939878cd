import { describe, expect, it } from 'vitest';
import { blankFeatures } from './blank-features.js';
import { featureRowText, featuresFromText, identityRowCheck } from './identity-row.js';
import { SIGN_IN_BLOCK_KEYS } from './sign-in-block-sql.js';

describe('feature row texts', () => {
  const features = { ...blankFeatures('u-1', 'user', { upn: 'svc@contoso.com' }), signIns: 3, lastSeen: '2026-11-20T10:00:00.000Z', writes: 2 };

  it('carry the values before the sign-in block, the block and those after as three lists, and read back as the features', () => {
    const groups = JSON.parse(featureRowText(features)) as unknown[][];
    expect(groups.map((group) => group.length)).toEqual([
      identityRowCheck.keys.indexOf('signIns'),
      SIGN_IN_BLOCK_KEYS.length,
      identityRowCheck.keys.length - identityRowCheck.keys.indexOf('signIns') - SIGN_IN_BLOCK_KEYS.length,
    ]);
    expect(groups[1]?.[0]).toBe(3);
    expect(featuresFromText(featureRowText(features))).toEqual(features);
  });

  it('refuse a row whose lists do not hold every field, naming the identity', () => {
    const [before, block, after] = JSON.parse(featureRowText(features)) as unknown[][];
    expect(() => featuresFromText(JSON.stringify([before, block?.slice(1), after]))).toThrow(`feature row for u-1 does not match the feature schema: ${identityRowCheck.keys.length - 1} values for ${identityRowCheck.keys.length} fields`);
    expect(() => featuresFromText(JSON.stringify([before, block]))).toThrow('feature row for an identity does not match the feature schema: 2 values');
  });
});
