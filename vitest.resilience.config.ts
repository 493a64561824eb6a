import { defineConfig } from 'vitest/config';

/**
 * `npm run test:resilience`: the real server in its own processes, on SQLite and PostgreSQL —
 * crashes (SIGKILL mid-load), two processes on one database, backup under writes and restore,
 * and a bounded load run (LOAD_SECONDS, default 20). Figures are printed for bench/RESULTS.md.
 */
export default defineConfig({
  test: {
    name: 'resilience',
    include: ['apps/server/test/resilience/**/*.resilience.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
