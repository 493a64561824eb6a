/**
 * A bounded load run of a realistic mix against the real server in its own process (SQLite, demo
 * data with LOAD_PROJECTS generated projects), with autocannon on 127.0.0.1: the project list,
 * a project's detail, the stage figures, the dashboard, the appeal list, and writes (a new
 * investor, a new appeal) — one request in four is a write. The run is measured in three thirds
 * after a warm-up, with the server's live heap after a full garbage collection and its resident
 * memory read after each: a leak climbs third after third (test:resilience asserts the live heap
 * does not; resident memory moves with the collector by tens of MB either way and is printed only).
 *
 *   LOAD_SECONDS      duration of the measured run (default 60; test:resilience uses 20)
 *   LOAD_CONNECTIONS  concurrent connections (default 10)
 *   LOAD_PROJECTS     generated demo projects (default 2000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { PASSWORD, rssMb, signIn } from '../apps/server/test/resilience/helpers.js';
import { startServer } from '../apps/server/test/spawn-server.js';

const heapProbe = path.resolve(import.meta.dirname, '../apps/server/test/resilience/heap-probe.mjs');

export interface LoadFigures {
  seconds: number;
  connections: number;
  requests: number;
  throughput: number;
  /** The worst third's p50 and p99 (ms). */
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  writes: number;
  /** Live heap after a full collection: after the warm-up, then after each third. */
  heapBeforeMb: number;
  heapAfterThirdsMb: number[];
  rssBeforeMb: number;
  /** Resident memory after each third of the run. */
  rssAfterThirdsMb: number[];
  rssAfterMb: number;
  rssPeakMb: number;
}

export async function loadRun(
  opts: { seconds?: number; connections?: number; projects?: number } = {},
): Promise<LoadFigures> {
  const seconds = opts.seconds ?? Number(process.env.LOAD_SECONDS ?? 60);
  const connections = opts.connections ?? Number(process.env.LOAD_CONNECTIONS ?? 10);
  const projects = opts.projects ?? Number(process.env.LOAD_PROJECTS ?? 2000);
  const probeFile = path.join(os.tmpdir(), `ys-heap-${process.pid}-${Date.now()}.txt`);
  const server = await startServer(PASSWORD, {
    SEED_DEMO: 'true',
    DEMO_PROJECTS: String(projects),
    NODE_OPTIONS: `--expose-gc --import ${pathToFileURL(heapProbe).href}`,
    HEAP_PROBE_FILE: probeFile,
  });
  const heapMb = async () => {
    const before = fs.existsSync(probeFile) ? fs.readFileSync(probeFile, 'utf8').split('\n').length : 0;
    process.kill(server.pid, 'SIGUSR2');
    for (let i = 0; i < 100; i++) {
      await sleep(50);
      const lines = fs.existsSync(probeFile) ? fs.readFileSync(probeFile, 'utf8').split('\n') : [];
      if (lines.length > before) return Number(lines[lines.length - 2]);
    }
    throw new Error('the server did not report its heap');
  };
  try {
    const admin = await signIn(server.baseUrl, 'admin');
    const city = await signIn(server.baseUrl, 'linfen');
    const sessions = [admin, city];
    const units = (await (await admin.get('/api/v1/org-units?q=141000&pageSize=1')).json()) as {
      items: { id: string }[];
    };
    const cityId = units.items[0].id;
    const county = (
      (await (await admin.get('/api/v1/org-units?q=141002&pageSize=1')).json()) as { items: { id: string }[] }
    ).items[0].id;
    const enterprise = (
      (await (await admin.get('/api/v1/org-units?q=E-YDYS&pageSize=1')).json()) as { items: { id: string }[] }
    ).items[0].id;
    const list = (await (await city.get('/api/v1/projects?pageSize=100')).json()) as {
      items: { id: string }[];
    };
    const projectIds = list.items.map((p) => p.id);
    if (projectIds.length === 0) throw new Error('no demo projects in the city');

    let n = 0;
    let writes = 0;
    const auth = () => {
      const s = sessions[n++ % sessions.length];
      return { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
    };
    const get = (path: () => string): autocannon.Request => ({
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: path(), headers: auth() }),
    });
    const requests: autocannon.Request[] = [
      get(() => '/api/v1/projects?pageSize=20'),
      get(() => `/api/v1/projects/${projectIds[n % projectIds.length]}`),
      {
        method: 'POST',
        setupRequest: (req) => {
          writes++;
          const name = `负载测试投资方-${process.pid}-${writes}`;
          return {
            ...req,
            path: '/api/v1/investors',
            headers: auth(),
            body: JSON.stringify({ name, foreignRegNo: name, country: 'SG' }),
          };
        },
      },
      get(() => `/api/v1/projects/figures?regionId=${cityId}&from=2025-01-01&to=2026-12-31`),
      get(() => `/api/v1/dashboard?regionId=${cityId}&from=2026-01&to=2026-12`),
      get(() => '/api/v1/appeals?pageSize=20'),
      {
        method: 'POST',
        setupRequest: (req) => {
          writes++;
          return {
            ...req,
            path: '/api/v1/appeals',
            headers: auth(),
            body: JSON.stringify({
              channel: 'window',
              category: 'land',
              title: `负载测试诉求 ${writes}`,
              description: '负载测试',
              enterpriseId: enterprise,
              regionId: county,
            }),
          };
        },
      },
      get(() => '/api/v1/notifications/unread-count'),
    ];
    const run = (duration: number) =>
      autocannon({ url: server.baseUrl, connections, duration, requests, timeout: 10 });

    // warm-up: JIT, caches, connection pools
    await run(5);
    await sleep(500);
    const heapBeforeMb = await heapMb();
    const rssBeforeMb = rssMb(server.pid);
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => {
      rssPeakMb = Math.max(rssPeakMb, rssMb(server.pid));
    }, 1000);
    writes = 0;
    // three equal thirds, memory read after each: a leak climbs third after third, a heap that
    // has grown to its working size stays
    const thirds: autocannon.Result[] = [];
    const rssAfterThirdsMb: number[] = [];
    const heapAfterThirdsMb: number[] = [];
    for (let i = 0; i < 3; i++) {
      thirds.push(await run(Math.max(1, Math.round(seconds / 3))));
      await sleep(500);
      rssAfterThirdsMb.push(rssMb(server.pid));
      heapAfterThirdsMb.push(await heapMb());
    }
    clearInterval(sampler);
    const rssAfterMb = rssAfterThirdsMb[2];
    const total = thirds.reduce((a, r) => a + r.requests.total, 0);
    const lat = (k: 'p50' | 'p99') => Math.max(...thirds.map((r) => r.latency[k]));
    return {
      seconds: Math.round(thirds.reduce((a, r) => a + r.duration, 0)),
      connections,
      requests: total,
      throughput: Math.round(total / thirds.reduce((a, r) => a + r.duration, 0)),
      p50: lat('p50'),
      p99: lat('p99'),
      max: Math.max(...thirds.map((r) => r.latency.max)),
      errors: thirds.reduce((a, r) => a + r.errors + r.timeouts, 0),
      non2xx: thirds.reduce((a, r) => a + r.non2xx, 0),
      writes,
      heapBeforeMb,
      heapAfterThirdsMb,
      rssBeforeMb,
      rssAfterThirdsMb,
      rssAfterMb,
      rssPeakMb,
    };
  } finally {
    await server.stop();
    fs.rmSync(probeFile, { force: true });
  }
}

export function describeLoad(f: LoadFigures): string {
  return [
    `load · sqlite · ${os.cpus().length} cores · ${f.seconds} s × ${f.connections} connections · mix: project list, detail, figures, dashboard, appeal list, unread count, 2 writes in 8`,
    `  requests ${f.requests} (${f.writes} writes), ${f.throughput} req/s, latency p50 ${f.p50} ms, p99 ${f.p99} ms, max ${f.max} ms`,
    `  errors ${f.errors}, non-2xx ${f.non2xx}; live heap after a full collection ${f.heapBeforeMb} MB after warm-up → ${f.heapAfterThirdsMb.join(' → ')} MB after each third`,
    `  server RSS ${f.rssBeforeMb} MB after warm-up → ${f.rssAfterThirdsMb.join(' → ')} MB after each third (peak ${f.rssPeakMb} MB)`,
  ].join('\n');
}

export async function loadBench(): Promise<void> {
  console.log(describeLoad(await loadRun()));
}
