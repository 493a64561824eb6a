/**
 * The foundation's hot paths over HTTP: starts the server on a fresh, seeded SQLite database
 * (request logs on, as in production) and measures them with autocannon against 127.0.0.1, beside
 * a bare Fastify "hello" route (bench/bare-fastify.ts) in the same run. Bounded: each scenario runs
 * BENCH_SECONDS (default 5) with 10 connections. Prints figures only:
 * - req/s and its share of the bare route's;
 * - the server's CPU per request (user + system time of its process over the run, from /proc,
 *   divided by the requests served). For `auth/me` that is the fixed cost of a signed-in
 *   request: the session, the guard, the headers, the log line and the serialisation.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { PASSWORD, signIn } from '../apps/server/test/resilience/helpers.js';
import { freePort, startServer } from '../apps/server/test/spawn-server.js';

const TICK_US = 1_000_000 / 100; // USER_HZ: /proc reports CPU time in 1/100 s

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

async function startBare() {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-fastify.ts', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare Fastify exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUs: number;
}

async function measure(
  pid: number,
  opts: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; seconds: number },
): Promise<Figures> {
  const before = cpuTicks(pid);
  const r = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    connections: 10,
    duration: opts.seconds,
  });
  const ticks = cpuTicks(pid) - before;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    cpuUs: (ticks * TICK_US) / Math.max(1, r.requests.total),
  };
}

export async function foundationBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  // Each server runs in its own process so that the load generator does not share its event loop.
  const bare = await startBare();
  const server = await startServer(PASSWORD, { SEED_DEMO: 'true', LOG_LEVEL: 'info' });
  const address = server.baseUrl;

  const { cookie, csrf } = await signIn(address);
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };

  const scenarios: { name: string; method?: 'GET' | 'POST'; path: string }[] = [
    { name: 'health (database ping)', path: '/api/health' },
    { name: 'auth/me (session lookup)', path: '/api/v1/auth/me' },
    { name: 'org-units search by pinyin', path: '/api/v1/org-units?q=lf&pageSize=20' },
    { name: 'org-units tree (province)', path: '/api/v1/org-units/tree' },
    { name: 'users list', path: '/api/v1/users?pageSize=20' },
    { name: 'audit list', path: '/api/v1/audit?pageSize=20' },
    { name: 'write: notifications read-all', method: 'POST', path: '/api/v1/notifications/read-all' },
  ];

  console.log(`营商通 bench · sqlite · ${os.cpus().length} cores · ${seconds}s × 10 connections each\n`);
  const row = (name: string, f: Figures, base: Figures) =>
    console.log(
      name.padEnd(34),
      f.rps.toFixed(0).padStart(8),
      `${((100 * f.rps) / base.rps).toFixed(1)} %`.padStart(9),
      f.cpuUs.toFixed(0).padStart(10),
      f.p50.toFixed(1).padStart(8),
      f.p99.toFixed(1).padStart(8),
      String(f.errors).padStart(7),
    );
  console.log(
    'scenario'.padEnd(34),
    'req/s'.padStart(8),
    'of bare'.padStart(9),
    'CPU µs/req'.padStart(10),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
  );
  const base = await measure(bare.pid, { url: `${bare.url}/hello`, seconds });
  row('bare Fastify "hello" (yardstick)', base, base);
  for (const s of scenarios) {
    const f = await measure(server.pid, { url: `${address}${s.path}`, method: s.method, headers, seconds });
    row(s.name, f, base);
  }
  console.log(
    '\nTargets (issue 21): auth/me ≥ 20 % of bare; a signed-in request ≤ 150 µs CPU before its work (auth/me).',
  );
  bare.stop();
  await server.stop();
}
