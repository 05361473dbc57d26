import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs and benchmarks have their own runners.
    exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**'],
    environment: 'node',
    // One throwaway PostgreSQL cluster per project; every test file gets its own database in it.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Files run in parallel: each owns its SQLite files, PostgreSQL databases and ports. They wait
    // on PostgreSQL, child processes and scrypt more than they compute, so even a 2-core machine
    // runs two at once (vitest's default there would be one).
    fileParallelism: true,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // The database suite runs on both engines itself (describeEachDatabase); the API suite
        // runs here on SQLite, the default.
        test: {
          name: 'sqlite',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/api/**/*.test.ts'],
        },
      },
      {
        extends: true,
        // The API suite again, every runtime on PostgreSQL: the shared-database setup answers every
        // method the same way (its exclusion constraint, row locks and NOTIFY included).
        test: {
          name: 'api-postgres',
          include: ['tests/api/**/*.test.ts'],
          // The bad-input property already runs on both engines by itself.
          exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**', 'tests/api/bad-input-property.test.ts'],
          env: { DISPATCH_TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
});
