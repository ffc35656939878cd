import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // test/adversarial/ holds the long versions: npm run test:adversarial (vitest.adversarial.config.ts).
    exclude: ['**/node_modules/**', '**/dist/**', '**/__fixtures__/**', 'test/adversarial/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
