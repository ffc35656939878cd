import { defineConfig } from 'vitest/config';

/**
 * `npm run test:adversarial`: the long adversarial cases (100 MB lines, gzip bombs, 50 MB source files, every detector
 * regex against ReDoS-shaped input), each bounded in memory and time. The fast ones run in `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/adversarial/**/*.long.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // One file at a time: each case measures its own child's memory and time, which a neighbour would distort.
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
