import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blankFeatures } from './blank-features.js';
import { compileRowCheck } from './feature-row-check.js';
import { identityFeaturesSchema } from './identity-features.js';

describe('compileRowCheck', () => {
  const check = compileRowCheck(identityFeaturesSchema);
  const row = { ...blankFeatures('u-1', 'user'), lastSeen: '2026-11-20T10:00:00.000Z', gapCv: 0.5 };

  it('passes a row with every field of the right type, nulls where the schema allows them', () => {
    expect(check.parse(structuredClone(row), 'u-1')).toEqual(row);
  });

  it('names the identity and the first field that does not fit, with the type found and never the value', () => {
    expect(() => check.parse({ ...row, signIns: null }, 'u-1')).toThrow('feature row for u-1 does not match the feature schema: signIns: expected integer, got null');
    expect(() => check.parse({ ...row, signIns: 1.5 }, 'u-1')).toThrow('signIns: expected integer, got number');
    expect(() => check.parse({ ...row, kind: 'group' }, 'u-1')).toThrow('kind: expected string (one of user, servicePrincipal, managedIdentity), got string');
    expect(() => check.parse({ ...row, upn: '<script>' }, 'u-1')).not.toThrow();
    expect(() => check.parse({ ...row, upn: 42 }, 'u-1')).toThrow('upn: expected string or null, got integer');
    const { apps: _apps, ...withoutApps } = row;
    expect(() => check.parse(withoutApps, 'u-1')).toThrow('apps: expected array, got nothing');
    expect(() => check.parse([], 'x')).toThrow('feature row for x does not match the feature schema: not an object');
  });

  it('takes a row as its values in the schema\'s key order, with the same checks and errors', () => {
    const values = check.keys.map((key) => (row as Record<string, unknown>)[key]);
    expect(check.keys).toEqual(Object.keys(identityFeaturesSchema.shape));
    const parsed = check.parseValues(structuredClone(values), 'u-1');
    expect(parsed).toEqual(row);
    expect(Object.keys(parsed)).toEqual(check.keys);
    const at = check.keys.indexOf('signIns');
    expect(() => check.parseValues(values.map((value, index) => (index === at ? 1.5 : value)), 'u-1')).toThrow('feature row for u-1 does not match the feature schema: signIns: expected integer, got number');
    expect(() => check.parseValues(values.slice(1), 'u-1')).toThrow(`feature row for u-1 does not match the feature schema: ${check.keys.length - 1} values for ${check.keys.length} fields`);
    expect(() => check.parseValues({ id: 'u-1' }, 'u-1')).toThrow('feature row for u-1 does not match the feature schema: not a list of values');
  });

  it('refuses a schema field it could not check', () => {
    expect(() => compileRowCheck(z.object({ anything: z.unknown() }))).toThrow('feature schema field anything has no type to check');
  });
});
