import { defineConfig } from 'vitest/config';

/**
 * One runner, four projects:
 * - unit: pure rules, services' helpers, web message tables
 * - api-sqlite / api-postgres: the same API suite (*.api.test.ts) against each database
 * - e2e: browser journeys in Debian's Chromium against the built app
 */
const api = (db: 'sqlite' | 'postgres') => ({
  test: {
    name: `api-${db}`,
    include: ['apps/server/src/**/*.api.test.ts'],
    env: { DB_KIND: db },
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // a few build real workbooks or spawn the CLI: seconds each on a loaded 2-core machine
          testTimeout: 30_000,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      api('sqlite'),
      api('postgres'),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // a page on a loaded 2-core machine can take seconds to settle: expect.poll waits up to 15 s
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
          // the page sweep runs two roles at once
          maxConcurrency: 2,
        },
      },
    ],
  },
});
