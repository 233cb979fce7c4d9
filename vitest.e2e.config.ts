import { defineConfig } from 'vitest/config';

// Browser journeys: a real Vigie process and Debian's Chromium, one file at a time (two cores).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
