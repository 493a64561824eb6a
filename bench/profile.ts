/**
 * `npm run bench -- profile`: a CPU profile of the server under load on one route (default
 * `GET /api/v1/auth/me`, signed in; PROFILE_PATH to change it) for BENCH_SECONDS (default 5), with
 * request logs on. Prints the functions with the most self time and the packages they belong to;
 * the raw .cpuprofile stays in .tmp/profile/ (open it in Chrome's DevTools).
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { PASSWORD, signIn } from '../apps/server/test/resilience/helpers.js';
import { startServer } from '../apps/server/test/spawn-server.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: the package, or the file of our own code. */
function origin(url: string): string {
  if (!url) return '(native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
}

export async function profileBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const route = process.env.PROFILE_PATH ?? '/api/v1/auth/me';
  const dir = path.resolve('.tmp/profile');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = await startServer(PASSWORD, { SEED_DEMO: 'true', LOG_LEVEL: 'info' }, undefined, [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
  ]);
  const { cookie } = await signIn(server.baseUrl);
  // Warm up, then the measured run; the profile covers the server's whole life, so the start-up
  // shows too, but under load the route dominates.
  await autocannon({ url: `${server.baseUrl}${route}`, headers: { cookie }, connections: 10, duration: 2 });
  const r = await autocannon({
    url: `${server.baseUrl}${route}`,
    headers: { cookie },
    connections: 10,
    duration: seconds,
  });
  await server.stop();
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!n || n.callFrame.functionName === '(idle)') return;
    total += dt;
    const { functionName, url, lineNumber } = n.callFrame;
    const key = `${functionName || '(anonymous)'}  ${origin(url)}${url ? `:${lineNumber + 1}` : ''}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
    byOrigin.set(origin(url), (byOrigin.get(origin(url)) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(
    `profile of GET ${route}: ${r.requests.total} requests in ${seconds + 2} s, ${(total / 1000).toFixed(0)} ms of CPU sampled (${path.join('.tmp/profile', file)})\n`,
  );
  console.log('self time by function'.padEnd(90), 'share');
  for (const [k, v] of top(selfUs, 25))
    console.log(k.slice(0, 89).padEnd(90), `${((100 * v) / total).toFixed(1)} %`);
  console.log(`\n${'self time by package or file'.padEnd(90)} share`);
  for (const [k, v] of top(byOrigin, 15))
    console.log(k.slice(0, 89).padEnd(90), `${((100 * v) / total).toFixed(1)} %`);
}
