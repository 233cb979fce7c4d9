import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Browser journeys and the resilience suite have their own configs (vitest.e2e.config.ts, vitest.resilience.config.ts).
    exclude: ['tests/e2e/**', 'tests/resilience/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only queue on PostgreSQL and argon2.
    maxWorkers: 2,
  },
});
