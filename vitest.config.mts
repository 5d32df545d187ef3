import { defineConfig } from 'vitest/config';

// Note: the machine has 2 cores; forks (not threads) because sharp and the SQLite addon are native
// modules, and at most two workers so e2e (Chromium) and integration tests do not starve each other.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
  },
});
