import { describe, expect, it } from 'vitest';
import { loadIdentityFeatures } from '../../src/features/load-features.js';
import { identityFeaturesSchema } from '../../src/features/identity-features.js';
import { runAnalysis } from '../../src/engines/run-analysis.js';
import { importPaths } from '../../src/sources/import/index.js';
import { openStore } from '../../src/store/store.js';
import { failWithoutPrerequisite } from '../helpers/prerequisite.js';
import { SHARED_SAMPLES, sharedSamples } from '../helpers/shared-samples.js';

const SAMPLES = SHARED_SAMPLES;

describe.skipIf(sharedSamples.skip)('Microsoft sample records', () => {
  failWithoutPrerequisite(sharedSamples);
  it('analyse without error, with evidence and reasons for every identity', async () => {
    const store = await openStore(':memory:');
    try {
      await importPaths(store, [SAMPLES]);
      const result = await runAnalysis(store, {});
      const features = await loadIdentityFeatures(store, result.asOf);
      expect(features.filter((row) => !identityFeaturesSchema.safeParse(row).success).map((row) => row.id)).toEqual([]);
      expect(features).toEqual(await loadIdentityFeatures(store, result.asOf, 'sign-ins'));
      expect(result.asOf).toBe('2025-04-22T20:00:55.097Z');
      // 49: the newest record, a managed-identity sign-in at 20:00:55.0972442, is its identity's only one. As of the
      // newest record's millisecond it counts (the store keeps microseconds; it once fell just after the cut-off).
      expect(result.identities).toHaveLength(49);
      expect(result.summary.byClass).toEqual({ human: 7, 'service-account': 1, 'break-glass': 0, 'workload-identity': 41, unknown: 0 });
      // The five users' portal sign-ins ride sessions first seen already under way (a "Previously satisfied" claim, no
      // steps): whether they carry MFA cannot be traced, so none is proof of breakage (they were 'breaks' before sessions).
      expect(result.summary.byVerdict).toEqual({ broken: 0, breaks: 0, 'at-risk': 5, ready: 0, 'not-affected': 44 });
      for (const identity of result.identities) {
        expect(identity.evidence.length, identity.id).toBeGreaterThan(0);
        expect(identity.reasons.length, identity.id).toBeGreaterThan(0);
      }
      // Every sample user is seen only in logs: the analysis says so instead of guessing silently.
      const users = result.identities.filter((identity) => identity.kind === 'user');
      expect(users.every((identity) => identity.evidence.some((line) => line.signal === 'missing-directory-object'))).toBe(true);
      const harry = result.identities.find((identity) => identity.upn === 'harry.potter@hogwarts.com' && identity.reasons.some((line) => line.includes('00214b89-aa99-b046-3c84-651e8a87dfe3')));
      expect(harry?.verdict).toBe('at-risk');
      expect(harry?.phase).toBe('phase1');
      expect(harry?.reasons[0]).toBe(
        '2 Azure portal sign-ins (first 2025-04-11 16:15 UTC, last 2025-04-11 16:24 UTC) show no MFA of their own and cannot be traced: their session began before the imported window (session 00214b89-aa99-b046-3c84-651e8a87dfe3 was first seen at 2025-04-11 16:15 UTC, already under way). Whether they carry MFA is unknown; they prove no breakage alone.',
      );
    } finally {
      store.close();
    }
  });
});
