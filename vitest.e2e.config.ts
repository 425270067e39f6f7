import { defineConfig } from 'vitest/config';

// Real-browser tests: one file at a time (each launches a browser), generous timeouts for a 2-core machine.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
