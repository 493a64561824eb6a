/**
 * `npm run bench [-- foundation | projects]`: both benches by default, or the one named.
 *
 * - foundation (bench/foundation.ts): the foundation's HTTP hot paths with autocannon against a
 *   server process on a fresh SQLite database; BENCH_SECONDS per scenario (default 5).
 * - projects (bench/projects.ts): the project pipeline at scale, in-process at the service level
 *   (the numbers are query costs, not HTTP): the filtered list, the stage figures and the pinyin
 *   search on generated data (apps/server/src/modules/demo/generate-projects.ts) for every size × database:
 *     BENCH_SIZES       default 100000,1000000
 *     BENCH_DBS         default sqlite,postgres (PostgreSQL via PG_ADMIN_URL, default
 *                       postgres://postgres@127.0.0.1:5432/postgres: a database ys_bench_<size> is
 *                       created, filled and dropped; unreachable → skipped)
 *     BENCH_ITERATIONS  default 50 timed runs per scenario, after BENCH_WARMUP (default 5);
 *                       BENCH_BUDGET_SECONDS (default 10) cuts a slow scenario short after 10 runs
 *     BENCH_REGENERATE=1  ignore the cached SQLite files (.tmp/bench/, keyed by size, seed and
 *                       generator version)
 *   A full run takes about 15 minutes on 2 cores (the first one 3 more, to generate the SQLite files);
 *   SQLite only with the cached files, about 6. A scenario of seconds gets fewer runs (at least 10,
 *   see time() in bench/projects.ts); the table prints how many.
 *
 * A data set alone: `npm run bench:generate -- 100000` (DATA_DIR / DATABASE_URL as for the app).
 */
import { foundationBench } from './foundation.js';
import { projectsBench } from './projects.js';

const which = process.argv[2] ?? 'all';
if (!['all', 'foundation', 'projects'].includes(which)) {
  console.error('usage: npm run bench [-- foundation | projects]');
  process.exit(1);
}
if (which === 'all' || which === 'foundation') await foundationBench();
if (which === 'all') console.log('');
if (which === 'all' || which === 'projects') await projectsBench();
