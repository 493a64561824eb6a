/**
 * `npm run bench [-- foundation | overhead | assets | projects | load | import | profile]`: all benches by
 * default (profile aside), or the one named.
 *
 * - import (bench/import.ts): a 20,000-row project ledger (BENCH_IMPORT_ROWS) checked and
 *   committed over HTTP on SQLite and PostgreSQL (BENCH_DBS), against exceljs's own read of the
 *   file, with the health check's latency during the commit (issue 21).
 *
 * - load (bench/load.ts): a realistic mix (lists, details, figures, dashboard, writes) against a
 *   server process for LOAD_SECONDS (default 60), p99 latency, throughput and the server's memory
 *   before and after; the same run, 20 s, is part of `npm run test:resilience`.
 *
 * - foundation (bench/foundation.ts): the foundation's HTTP hot paths with autocannon against a
 *   server process on a fresh SQLite database; BENCH_SECONDS per scenario (default 5).
 * - overhead (bench/overhead.ts): the project list and the dashboard through HTTP beside their
 *   service call in the same process (SQLite, demo data): what the route adds (target ≤ 1 ms).
 * - projects (bench/projects.ts): the project pipeline at scale, in-process at the service level
 *   (the numbers are query costs, not HTTP): the filtered list, the stage figures and the pinyin
 *   search and the dashboard (province, a city, a county; cold first call and warm) on generated data
 *   (apps/server/src/seed/demo/generate-projects.ts, then generate-records.ts: per project 0.2
 *   activities, 2 appeals, 0.05 rectification tasks, 0.02 incentive applications; the roll-up
 *   rebuild of every source is timed) for every size × database:
 *     BENCH_SIZES       default 100000,1000000
 *     BENCH_DBS         default sqlite,postgres (PostgreSQL via PG_ADMIN_URL, default
 *                       postgres://postgres@127.0.0.1:5432/postgres: a database ys_bench_<size>_<versions>
 *                       is created and filled, and kept for the next run; unreachable → skipped)
 *     BENCH_ITERATIONS  default 50 timed runs per scenario, after BENCH_WARMUP (default 5);
 *                       BENCH_BUDGET_SECONDS (default 10) cuts a slow scenario short after 10 runs
 *     BENCH_REGENERATE=1  ignore the cached SQLite files and PostgreSQL databases (keyed by
 *                       size, seed and the generators' versions; .tmp/bench/ holds their meta)
 *     BENCH_RECORDS=0   the projects alone (no activities, appeals, rectification, incentives)
 *   A full run takes about 15 minutes on 2 cores, plus the generation of the SQLite files on the
 *   first one (at 1,000,000 the records and the rebuild of their roll-ups are the longer part);
 *   SQLite only with the cached files, about 6. A scenario of seconds gets fewer runs (at least 10,
 *   see time() in bench/projects.ts); the table prints how many.
 *
 * A data set alone: `npm run bench:generate -- 100000` (DATA_DIR / DATABASE_URL as for the app).
 */
import { assetsBench } from './assets.js';
import { foundationBench } from './foundation.js';
import { importBench } from './import.js';
import { loadBench } from './load.js';
import { overheadBench } from './overhead.js';
import { profileBench } from './profile.js';
import { projectsBench } from './projects.js';

const which = process.argv[2] ?? 'all';
if (!['all', 'foundation', 'overhead', 'assets', 'projects', 'load', 'import', 'profile'].includes(which)) {
  console.error(
    'usage: npm run bench [-- foundation | overhead | assets | projects | load | import | profile]',
  );
  process.exit(1);
}
if (which === 'all' || which === 'foundation') await foundationBench();
if (which === 'all') console.log('');
if (which === 'all' || which === 'overhead') await overheadBench();
if (which === 'all') console.log('');
if (which === 'all' || which === 'assets') await assetsBench();
if (which === 'all') console.log('');
if (which === 'all' || which === 'projects') await projectsBench();
if (which === 'all') console.log('');
if (which === 'all' || which === 'load') await loadBench();
if (which === 'all') console.log('');
if (which === 'all' || which === 'import') await importBench();
if (which === 'profile') await profileBench();
