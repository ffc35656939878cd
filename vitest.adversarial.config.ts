import { defineConfig } from 'vitest/config';

/**
 * `npm run test:adversarial`: the long adversarial cases (100 MB lines, gzip bombs, 50 MB source files, every detector
 * regex against ReDoS-shaped input; 20+ seeded kill points per command, concurrent commands on one store, the
 * dashboard's refusals against a running `serve`), each bounded in memory and time. Each writes its results to
 * test/adversarial/results/, which SECURITY.md's table is generated from. The fast ones run in `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/adversarial/**/*.long.test.ts'],
    // 20 kill points, each a killed run, a check and a re-run: under half an hour on a quiet machine, far more on a busy one.
    testTimeout: 7_200_000,
    hookTimeout: 900_000,
    pool: 'forks',
    // One file at a time: each case measures its own child's memory and time, which a neighbour would distort.
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
