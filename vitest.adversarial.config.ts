import { defineConfig } from 'vitest/config';

/**
 * `npm run test:adversarial`: the long versions of the adversarial suite (20+ seeded kill points per command,
 * concurrent commands on one store, the dashboard's refusals against a running `serve`). Each writes its results to
 * test/adversarial/results/, which SECURITY.md is generated from. `npm test` runs the fast versions instead.
 */
export default defineConfig({
  test: {
    include: ['test/adversarial/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // 20 kill points, each a killed run, a check and a re-run: under half an hour on a quiet machine, far more on a busy one.
    testTimeout: 7_200_000,
    hookTimeout: 900_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
