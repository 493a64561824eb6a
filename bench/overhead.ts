/**
 * What a route adds to its service call: the project list and the dashboard, called in one process
 * on one database (SQLite, the demo data) — through HTTP on 127.0.0.1 (a signed-in session: the
 * guard, validation, serialisation, compression, the socket) and directly (the service, as the route
 * calls it). Sequential calls, p50 / p95 of each and the difference of the p50s; the target is an
 * overhead ≤ 1 ms. The dashboard is answered from its cache after the first call both ways (the
 * cache is the service's), so its row is the route's cost over a cache hit. Request logs are off
 * (the foundation bench measures them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.js';
import { openDatabase, seed } from '../apps/server/src/boot.js';
import { loadConfig } from '../apps/server/src/config.js';
import { beijingToday } from '../apps/server/src/lib/days.js';
import { createDashboardService } from '../apps/server/src/modules/dashboard/dashboard.service.js';
import { findOrgByCode } from '../apps/server/src/modules/orgs/orgs.repository.js';
import { createProjectService } from '../apps/server/src/modules/projects/projects.service.js';
import { ports } from '../apps/server/src/ports.js';
import { PASSWORD, signIn } from '../apps/server/test/resilience/helpers.js';
import { actorAt, time } from './projects.js';

const ITERATIONS = Math.max(50, Number(process.env.BENCH_ITERATIONS ?? 500));
const TARGET_MS = 1;

export async function overheadBench() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-bench-overhead-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO_PASSWORD: PASSWORD,
    PASSWORD_HASHING: 'fast',
    NODE_ENV: 'production',
  });
  const database = await openDatabase(config);
  await seed(database, config, { demo: true });
  const app = await buildApp({ config, database, logger: false });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const http = await signIn(baseUrl, 'linfen');
    const city = actorAt((await findOrgByCode(database.db, '141000'))!, 'city_bureau');
    const projects = createProjectService({ ...database, config, ports });
    const dashboard = createDashboardService({ db: database.db, config, ports });
    const thisMonth = beijingToday().slice(0, 7);
    const months = { from: `${thisMonth.slice(0, 4)}-01`, to: thisMonth };
    const list = { page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' } as const;
    const get = async (url: string) => {
      const res = await http.get(url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      return (await res.text()).length;
    };
    const opts = { iterations: ITERATIONS, warmup: 20, budgetSeconds: 20 };
    const rows = [
      {
        name: 'project list, 20 rows (临汾)',
        route: await time(() => get('/api/v1/projects?page=1&pageSize=20&sort=updatedAt&order=desc'), opts),
        service: await time(() => projects.list(city, list), opts),
      },
      {
        name: 'dashboard, months of this year (临汾)',
        route: await time(() => get(`/api/v1/dashboard?from=${months.from}&to=${months.to}`), opts),
        service: await time(() => dashboard.get(city, months), opts),
      },
    ];
    console.log(
      `Route overhead over the in-process service call (SQLite, demo data, ${ITERATIONS} sequential calls)`,
    );
    console.log('| route | HTTP p50 / p95 ms | service p50 / p95 ms | overhead (p50) | target |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const r of rows) {
      const overhead = r.route.p50 - r.service.p50;
      console.log(
        `| ${r.name} | ${r.route.p50.toFixed(2)} / ${r.route.p95.toFixed(2)} | ${r.service.p50.toFixed(2)} / ` +
          `${r.service.p95.toFixed(2)} | ${overhead.toFixed(2)} ms | ≤ ${TARGET_MS} ms ${overhead <= TARGET_MS ? '✔' : '✘'} |`,
      );
    }
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
