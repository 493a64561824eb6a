/**
 * The foundation's hot paths over HTTP: starts the server on a fresh, seeded SQLite database and
 * measures them with autocannon against 127.0.0.1. Bounded: each scenario runs BENCH_SECONDS
 * (default 5) with 10 connections. Prints figures only.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { startServer } from '../apps/server/test/spawn-server.js';

export async function foundationBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  // The server runs in its own process so that the load generator does not share its event loop.
  const server = await startServer('Demo12345678', { SEED_DEMO: 'true' });
  const address = server.baseUrl;

  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Demo12345678' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

  const scenarios: { name: string; method?: 'GET' | 'POST'; path: string; body?: string }[] = [
    { name: 'health (database ping)', path: '/api/health' },
    { name: 'auth/me (session lookup)', path: '/api/v1/auth/me' },
    { name: 'org-units search by pinyin', path: '/api/v1/org-units?q=lf&pageSize=20' },
    { name: 'org-units tree (province)', path: '/api/v1/org-units/tree' },
    { name: 'users list', path: '/api/v1/users?pageSize=20' },
    { name: 'audit list', path: '/api/v1/audit?pageSize=20' },
    { name: 'write: notifications read-all', method: 'POST', path: '/api/v1/notifications/read-all' },
  ];

  console.log(`营商通 bench · sqlite · ${os.cpus().length} cores · ${seconds}s × 10 connections each\n`);
  console.log(
    'scenario'.padEnd(34),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
  );
  for (const s of scenarios) {
    const r = await autocannon({
      url: `${address}${s.path}`,
      method: s.method ?? 'GET',
      headers,
      body: s.body,
      connections: 10,
      duration: seconds,
    });
    const errors = r.errors + r.non2xx;
    console.log(
      s.name.padEnd(34),
      r.requests.average.toFixed(0).padStart(8),
      r.latency.p50.toFixed(1).padStart(8),
      r.latency.p99.toFixed(1).padStart(8),
      String(errors).padStart(7),
    );
  }
  await server.stop();
}
