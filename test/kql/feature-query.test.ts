import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsOf, KQL_FEATURES } from '../../src/features/kql/feature-kql-fields.js';
import { featureQuery, type FeatureQueryOptions } from '../../src/features/kql/feature-query.js';
import { identityFeaturesSchema } from '../../src/features/identity-features.js';
import { SIGN_IN_BLOCK_KEYS } from '../../src/features/sign-in-block-sql.js';
import { analyseKql } from './kusto-language.js';
import { sizingQuery } from '../../src/sources/collect/loganalytics/pushdown.js';

/**
 * The generated KQL: pinned in golden files (a change to a query is a change to review), and analysed semantically
 * by Microsoft's Kusto language service against the five tables' documented columns and types, not just parsed.
 * UPDATE_GOLDEN=1 rewrites the golden files.
 */
const GOLDEN = join(import.meta.dirname, '__golden__');
const WINDOW = { since: new Date('2026-10-22T00:00:00Z'), until: new Date('2026-11-21T00:00:00Z') };
const CASES: readonly (readonly [file: string, options: FeatureQueryOptions])[] = [
  ['feature-query-all.kql', { ...WINDOW, shard: null }],
  ['feature-query-shard-2-of-4.kql', { ...WINDOW, shard: { index: 1, count: 4 } }],
];

describe('the feature query (KQL)', () => {
  for (const [file, options] of CASES) {
    it(`${file}: the text is the golden one`, () => {
      const text = `${featureQuery(options)}\n`;
      const path = join(GOLDEN, file);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text);
      expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });

    it(`${file}: passes the Kusto language service's semantic analysis against the five tables`, () => {
      expect(analyseKql(featureQuery(options))).toEqual([]);
    });
  }

  it('is analysed for real: a misspelt column, a wrong type, an unknown function are each reported', () => {
    const query = featureQuery({ ...WINDOW, shard: null });
    const messages = (text: string): string[] => analyseKql(text).map((diagnostic) => `${diagnostic.severity}: ${diagnostic.message}`);
    expect(messages(query.replace('UserAgent', 'UserAgnet'))).toContain("Error: The name 'UserAgnet' does not refer to any known column, table, variable or function.");
    // Claims is a string column, Claims_d the dynamic one: indexing the string is a type error.
    expect(messages(query.replace('extend claims = Claims_d', 'extend claims = Claims'))).toContain('Error: The element access operator [] is not allowed in this context.');
    expect(messages(query.replace('stdevp(gap)', 'stdevpp(gap)'))).toContain("Error: The name 'stdevpp' does not refer to any known function.");
  });

  it('sizes the window with a query that passes the same analysis, and is pinned too', () => {
    const text = `${sizingQuery(WINDOW.since, WINDOW.until)}\n`;
    const path = join(GOLDEN, 'sizing-query.kql');
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
    expect(analyseKql(text)).toEqual([]);
  });

  it("picks a principal's names as the store's rollups do, the least one (min), never any one of them (take_any)", () => {
    const query = featureQuery({ ...WINDOW, shard: null });
    expect(query).not.toMatch(/take_any/u);
    for (const name of ['upn = minif(upn, isnotempty(upn))', 'userDisplayName = minif(user_display_name, isnotempty(user_display_name))',
      'spName = minif(sp_name, isnotempty(sp_name))', 'userType = minif(user_type, isnotempty(user_type))',
      "spAppId = minif(app_id, pkind != 'user' and isnotempty(app_id))", 'nm = minif(app_name, isnotempty(app_name))',
      'nm = minif(resource_name, isnotempty(resource_name))', 'okind = min(okind)', 'opUpn = minif(op_upn, isnotempty(op_upn))']) {
      expect(query).toContain(name);
    }
  });

  it('reads a shard of the principals by hash, and every principal in exactly one shard', () => {
    expect(featureQuery({ ...WINDOW, shard: { index: 2, count: 8 } })).toContain('| where isnotempty(pid) and hash(pid, 8) == 2');
    expect(featureQuery({ ...WINDOW, shard: null })).not.toContain('hash(pid');
  });
});

describe('the feature definitions behind the query', () => {
  it('compute every field of the sign-in block in Kusto but the session examples (a new block field needs its KQL, or this fails)', () => {
    const examples = ['sessionMfaExample', 'singleFactorSessionExample', 'untracedSessionExample'];
    const computed = SIGN_IN_BLOCK_KEYS.filter((key) => key in KQL_FEATURES && !['local', 'not-in-kql'].includes(Reflect.get(KQL_FEATURES, key).stage));
    expect(computed).toEqual(SIGN_IN_BLOCK_KEYS.filter((key) => !examples.includes(key)));
    // Evidence text only: the counts the verdicts rest on are computed.
    expect(fieldsOf('not-in-kql')).toEqual(examples);
  });

  it('leave to the store exactly the fields the five tables cannot give: the directory and audit log, registration, roles, Conditional Access, named locations, successors', () => {
    expect(fieldsOf('local')).toEqual([
      'inDirectory', 'accountEnabled', 'createdAt', 'passwordNeverExpires', 'onPremisesSyncEnabled', 'licenseCount', 'servicePrincipalType', 'directoryLastSignIn',
      'disabledAt', 'jobTitle', 'department', 'managerId',
      'registrationKnown', 'mfaRegistered', 'methodsRegistered', 'directoryRoleIds', 'caPoliciesExcluding', 'trustedLocationIps', 'trustedLocations', 'successor',
    ]);
    expect(Object.keys(KQL_FEATURES)).toEqual(Object.keys(identityFeaturesSchema.shape));
  });
});
