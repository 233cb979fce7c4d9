import { defineConfig } from 'vitest/config';

// The resilience suite (`npm run test:resilience`): authorization matrix, hostile input, crashes, several processes.
// Slower than the unit and integration tests, so run on its own, after `npm test`, one or two files at a time.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/resilience/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
