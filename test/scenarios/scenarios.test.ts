import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/engines/run-analysis.js';
import { importPaths } from '../../src/sources/import/index.js';
import { openStore } from '../../src/store/store.js';
import { signInRollupState } from '../../src/store/rollups/sign-in-rollups.js';
import { loadIdentityFeatures } from '../../src/features/load-features.js';
import { identityFeaturesSchema } from '../../src/features/identity-features.js';
import { CASES } from './cases.js';
import { TenantFixture } from './tenant-fixture.js';

const root = mkdtempSync(join(tmpdir(), 'unattended-scenarios-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('analyze scenarios (real-format fixtures → import → analysis)', () => {
  CASES.forEach((scenario, index) => {
    it(scenario.name, async () => {
      const dir = join(root, String(index).padStart(2, '0'));
      const tenant = new TenantFixture();
      const { id } = scenario.build(tenant);
      tenant.write(dir);
      const store = await openStore(':memory:');
      try {
        const imported = await importPaths(store, [dir]);
        expect(imported.files.filter((file) => file.error !== null || file.quarantined > 0)).toEqual([]);
        const result = await runAnalysis(store, { config: { enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' } } });
        // The rollups analyze read hold exactly what the sign-ins themselves give.
        expect(await signInRollupState(store, result.asOf)).toBe('summarised');
        const features = await loadIdentityFeatures(store, result.asOf, 'summary');
        expect(features).toEqual(await loadIdentityFeatures(store, result.asOf, 'sign-ins'));
        expect(features.filter((row) => !identityFeaturesSchema.safeParse(row).success).map((row) => row.id)).toEqual([]);
        // asOf defaults to the newest record: the baseline pipeline's sign-in at 22:59:59, or a later one of the case.
        expect(result.asOf >= '2026-11-20T22:59:59.000Z' && result.asOf <= '2026-11-20T23:59:59.000Z').toBe(true);
        const identity = result.identities.find((candidate) => candidate.id === id);
        expect(identity, `identity ${id} in the analysis`).toBeDefined();
        if (!identity) return;
        const summary = { class: identity.class, verdict: identity.verdict, breaksOn: identity.breaksOn, action: identity.recommendation.action };
        const { reason, ...expected } = scenario.expect;
        expect(summary, JSON.stringify({ evidence: identity.evidence, reasons: identity.reasons }, null, 1)).toEqual(expected);
        expect(identity.reasons.some((line) => line.includes(reason)), identity.reasons.join('\n')).toBe(true);
        expect(identity.evidence.length).toBeGreaterThan(0);
      } finally {
        store.close();
      }
    });
  });
});
