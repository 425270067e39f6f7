import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests: one file at a time (each launches a browser), generous timeouts for a 2-core machine.
export default defineConfig({
  // Shared test helpers import pure code by the project's '@/' alias.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A real browser on a shared machine can miss a beat (a worker slow to start); a test must pass on a second try
    // to count, and a retried test is reported as such. Logic failures fail twice and still fail the run.
    retry: 1,
  },
});
