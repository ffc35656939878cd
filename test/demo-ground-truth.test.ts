import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config/load-config.js';
import { runAnalysis } from '../src/engines/run-analysis.js';
import { generateDemo } from '../src/sources/demo/index.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore } from '../src/store/store.js';
import { signInRollupState } from '../src/store/rollups/sign-in-rollups.js';
import { loadIdentityFeatures } from '../src/features/load-features.js';
import { identityFeaturesSchema } from '../src/features/identity-features.js';

const groundTruthSchema = z.object({
  identities: z.array(z.object({ id: z.string(), upn: z.string().nullable(), displayName: z.string(), kind: z.string(), scenario: z.string(), class: z.string(), verdict: z.string(), breaksOn: z.string().nullable(), recommendation: z.string() })),
});

const out = mkdtempSync(join(tmpdir(), 'unattended-demo-truth-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('demo tenant: analysis against the generator\'s ground truth', () => {
  it('reaches the ground-truth kind, class, verdict, breaksOn and recommendation for every identity', async () => {
    const demo = await generateDemo({ outDir: out });
    const store = await openStore(':memory:');
    try {
      const imported = await importPaths(store, [demo.dataDir]);
      expect(imported.files.filter((file) => file.error !== null)).toEqual([]);
      // The rollups analyze reads give exactly the features the sign-ins themselves give (216 batches, merged at the end of the import).
      const newest = new Date(demo.asOf).toISOString();
      expect(await signInRollupState(store, newest)).toBe('summarised');
      const fromSummary = await loadIdentityFeatures(store, newest, 'summary');
      expect(fromSummary).toHaveLength(340);
      // Every row fits the whole feature schema, nested lists included (analyze checks fields and types only).
      expect(fromSummary.filter((row) => !identityFeaturesSchema.safeParse(row).success).map((row) => row.id)).toEqual([]);
      expect(fromSummary).toEqual(await loadIdentityFeatures(store, newest, 'sign-ins'));
      expect(fromSummary).toEqual(await loadIdentityFeatures(store, newest, 'rollups'));
      expect(fromSummary).toEqual(await loadIdentityFeatures(store, newest, 'compacted-rollups'));
      const result = await runAnalysis(store, { config: loadConfig(demo.configPath) });
      // The generator reports the newest record with Entra's seven fraction digits; the store keeps milliseconds.
      expect(result.asOf).toBe(new Date(demo.asOf).toISOString());
      expect(result.enforcement).toEqual({ phase1: '2025-03-15', phase2: '2026-12-15' });
      const truth = groundTruthSchema.parse(JSON.parse(readFileSync(demo.groundTruthPath, 'utf8')));
      const analysed = new Map(result.identities.map((identity) => [identity.id, identity]));
      // One line per identity that differs in any field, so a failure names every regression at once.
      const mismatches: string[] = [];
      for (const expected of truth.identities) {
        const got = analysed.get(expected.id);
        const who = `${expected.scenario} ${expected.upn ?? expected.displayName}`;
        if (!got) {
          mismatches.push(`${who}: not in the analysis`);
          continue;
        }
        const gotFields = [got.kind, got.class, got.verdict, got.breaksOn ?? '-', got.recommendation.action].join('/');
        const expectedFields = [expected.kind, expected.class, expected.verdict, expected.breaksOn ?? '-', expected.recommendation].join('/');
        if (gotFields !== expectedFields) mismatches.push(`${who}: ${gotFields}, expected ${expectedFields}`);
      }
      console.info(`demo ground truth: ${truth.identities.length - mismatches.length}/${truth.identities.length} match`);
      // The demo is deterministic, so nothing less than every identity will do. A deliberate change to the generator
      // changes its answer key (scenarios.ts) in the same commit.
      expect(mismatches).toEqual([]);
      // No identity is dropped and none invented: the analysis covers exactly the directory.
      expect(result.identities.map((identity) => identity.id).sort()).toEqual(truth.identities.map((identity) => identity.id).sort());
    } finally {
      store.close();
    }
  });
});
